package dev.stride.local.gateway;

import java.util.List;
import java.util.Map;

/**
 * An HTTP request as it reached the local server, before API Gateway's processing.
 *
 * @param rawPath  the path as sent, still percent-encoded
 * @param rawQuery the query string as sent, without {@code ?} (empty when none)
 * @param headers  every header line in arrival order, names as sent
 */
public record IncomingRequest(String method, String rawPath, String rawQuery, List<Map.Entry<String, String>> headers,
                       byte[] body, String sourceIp, String protocol) {

    /** Every value of the header {@code name} (any case), joined with commas as API Gateway joins them. */
    public String header(String name) {
        String joined = null;
        for (Map.Entry<String, String> header : headers) {
            if (header.getKey().equalsIgnoreCase(name)) {
                joined = joined == null ? header.getValue() : joined + "," + header.getValue();
            }
        }
        return joined;
    }
}
