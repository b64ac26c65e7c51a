package dev.stride.db;

/**
 * Where a new connection's login comes from: fixed settings, a Secrets Manager secret, or an IAM
 * token. Asked once per new physical connection, so a changed password or a renewed token is
 * used by the pool's next connection without rebuilding anything.
 */
public interface LoginSource {

    /** The login to open a connection with now. */
    Login current();

    /**
     * The database refused {@code login} (wrong password, SQLState 28P01): forget it, so that the
     * next {@link #current()} fetches a fresh one (a rotated secret, a new token).
     *
     * @return whether a retry may succeed, i.e. the next {@link #current()} can differ
     */
    default boolean refused(Login login) {
        return false;
    }

    /**
     * The instance was just restored from a SnapStart snapshot, maybe long after it was taken:
     * drop what may have gone stale with it.
     */
    default void restored() {
    }

    static LoginSource fixed(String user, String password) {
        Login login = new Login(user, password);
        return () -> login;
    }
}
