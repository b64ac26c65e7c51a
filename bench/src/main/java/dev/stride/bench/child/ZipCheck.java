package dev.stride.bench.child;

import dev.stride.instance.DatabaseAccess;

/**
 * Run in a fresh JVM on the unpacked zip's classpath, with an IAM-authentication environment:
 * signs an RDS IAM token with the classes the zip carries. The assembly keeps only a handful of
 * the SDK's {@code rds} module's classes ({@code functions/src/assembly/lambda.xml}); this proves
 * they are all a token needs. Prints {@code @bench iam-token ok} or {@code bad}.
 */
public final class ZipCheck {

    private ZipCheck() {
    }

    public static void main(String[] args) {
        String token = DatabaseAccess.fromEnvironment().dataSource().logins().current().password();
        boolean ok = token.contains("Action=connect") && token.contains("X-Amz-Signature=");
        System.out.println("@bench iam-token " + (ok ? "ok" : "bad"));
        System.out.flush();
        Runtime.getRuntime().halt(0);
    }
}
