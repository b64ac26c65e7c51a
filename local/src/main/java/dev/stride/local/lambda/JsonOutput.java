package dev.stride.local.lambda;

/** What a stream handler wrote: the bytes the Lambda runtime would hand on (JSON, normally). */
public record JsonOutput(byte[] bytes) {
}
