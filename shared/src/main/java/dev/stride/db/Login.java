package dev.stride.db;

/** A database user name and password (or IAM token) for one connection attempt. */
public record Login(String user, String password) {

    @Override
    public String toString() {
        // Never print the password or token.
        return "Login[user=" + user + "]";
    }
}
