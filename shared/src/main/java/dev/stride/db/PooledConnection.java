package dev.stride.db;

import java.sql.Array;
import java.sql.Blob;
import java.sql.CallableStatement;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.NClob;
import java.sql.PreparedStatement;
import java.sql.SQLClientInfoException;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.SQLXML;
import java.sql.Savepoint;
import java.sql.Statement;
import java.sql.Struct;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Executor;

/**
 * One borrowing of a {@link ConnectionPool}'s connection: every call goes to the connection, and
 * {@link #close()} gives it back to the pool instead of closing it. After that, every call fails
 * as on a closed connection.
 */
final class PooledConnection implements Connection {

    private final ConnectionPool pool;
    final ConnectionPool.Entry entry;
    final long borrowing;
    final Thread borrower = Thread.currentThread();
    private volatile Connection connection;

    PooledConnection(ConnectionPool pool, ConnectionPool.Entry entry, long borrowing) {
        this.pool = pool;
        this.entry = entry;
        this.borrowing = borrowing;
        this.connection = entry.connection;
    }

    /** Ends this borrowing without giving the connection back; false if it had ended already. */
    synchronized boolean detach() {
        if (connection == null) {
            return false;
        }
        connection = null;
        return true;
    }

    private Connection open() throws SQLException {
        Connection current = connection;
        if (current == null) {
            throw new SQLException("the connection was given back to its pool", "08003");
        }
        return current;
    }

    @Override
    public void close() {
        if (detach()) {
            pool.giveBack(this);
        }
    }

    @Override
    public boolean isClosed() throws SQLException {
        Connection current = connection;
        return current == null || current.isClosed();
    }

    @Override
    public void abort(Executor executor) throws SQLException {
        Connection current = open();
        current.abort(executor);
        close(); // closed by abort: the pool drops it
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        return type.isInstance(this) ? type.cast(this) : open().unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return type.isInstance(this) || open().isWrapperFor(type);
    }

    @Override
    public void setClientInfo(Properties properties) throws SQLClientInfoException {
        clientInfoTarget().setClientInfo(properties);
    }

    @Override
    public void setClientInfo(String name, String value) throws SQLClientInfoException {
        clientInfoTarget().setClientInfo(name, value);
    }

    private Connection clientInfoTarget() throws SQLClientInfoException {
        try {
            return open();
        } catch (SQLException closed) {
            throw new SQLClientInfoException(closed.getMessage(), closed.getSQLState(), 0, Map.of(), closed);
        }
    }

    @Override
    public void clearWarnings() throws SQLException {
        open().clearWarnings();
    }

    @Override
    public void commit() throws SQLException {
        open().commit();
    }

    @Override
    public Array createArrayOf(String typeName, Object[] elements) throws SQLException {
        return open().createArrayOf(typeName, elements);
    }

    @Override
    public Blob createBlob() throws SQLException {
        return open().createBlob();
    }

    @Override
    public Clob createClob() throws SQLException {
        return open().createClob();
    }

    @Override
    public NClob createNClob() throws SQLException {
        return open().createNClob();
    }

    @Override
    public SQLXML createSQLXML() throws SQLException {
        return open().createSQLXML();
    }

    @Override
    public Statement createStatement() throws SQLException {
        return open().createStatement();
    }

    @Override
    public Statement createStatement(int resultSetType, int resultSetConcurrency) throws SQLException {
        return open().createStatement(resultSetType, resultSetConcurrency);
    }

    @Override
    public Statement createStatement(int resultSetType, int resultSetConcurrency, int resultSetHoldability) throws SQLException {
        return open().createStatement(resultSetType, resultSetConcurrency, resultSetHoldability);
    }

    @Override
    public Struct createStruct(String typeName, Object[] elements) throws SQLException {
        return open().createStruct(typeName, elements);
    }

    @Override
    public boolean getAutoCommit() throws SQLException {
        return open().getAutoCommit();
    }

    @Override
    public String getCatalog() throws SQLException {
        return open().getCatalog();
    }

    @Override
    public Properties getClientInfo() throws SQLException {
        return open().getClientInfo();
    }

    @Override
    public String getClientInfo(String name) throws SQLException {
        return open().getClientInfo(name);
    }

    @Override
    public int getHoldability() throws SQLException {
        return open().getHoldability();
    }

    @Override
    public DatabaseMetaData getMetaData() throws SQLException {
        return open().getMetaData();
    }

    @Override
    public int getNetworkTimeout() throws SQLException {
        return open().getNetworkTimeout();
    }

    @Override
    public String getSchema() throws SQLException {
        return open().getSchema();
    }

    @Override
    public int getTransactionIsolation() throws SQLException {
        return open().getTransactionIsolation();
    }

    @Override
    public Map<String, Class<?>> getTypeMap() throws SQLException {
        return open().getTypeMap();
    }

    @Override
    public SQLWarning getWarnings() throws SQLException {
        return open().getWarnings();
    }

    @Override
    public boolean isReadOnly() throws SQLException {
        return open().isReadOnly();
    }

    @Override
    public boolean isValid(int seconds) throws SQLException {
        return open().isValid(seconds);
    }

    @Override
    public String nativeSQL(String sql) throws SQLException {
        return open().nativeSQL(sql);
    }

    @Override
    public CallableStatement prepareCall(String sql) throws SQLException {
        return open().prepareCall(sql);
    }

    @Override
    public CallableStatement prepareCall(String sql, int resultSetType, int resultSetConcurrency) throws SQLException {
        return open().prepareCall(sql, resultSetType, resultSetConcurrency);
    }

    @Override
    public CallableStatement prepareCall(String sql, int resultSetType, int resultSetConcurrency, int resultSetHoldability) throws SQLException {
        return open().prepareCall(sql, resultSetType, resultSetConcurrency, resultSetHoldability);
    }

    @Override
    public PreparedStatement prepareStatement(String sql) throws SQLException {
        return open().prepareStatement(sql);
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int autoGeneratedKeys) throws SQLException {
        return open().prepareStatement(sql, autoGeneratedKeys);
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int[] columnIndexes) throws SQLException {
        return open().prepareStatement(sql, columnIndexes);
    }

    @Override
    public PreparedStatement prepareStatement(String sql, String[] columnNames) throws SQLException {
        return open().prepareStatement(sql, columnNames);
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int resultSetType, int resultSetConcurrency) throws SQLException {
        return open().prepareStatement(sql, resultSetType, resultSetConcurrency);
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int resultSetType, int resultSetConcurrency, int resultSetHoldability) throws SQLException {
        return open().prepareStatement(sql, resultSetType, resultSetConcurrency, resultSetHoldability);
    }

    @Override
    public void releaseSavepoint(Savepoint savepoint) throws SQLException {
        open().releaseSavepoint(savepoint);
    }

    @Override
    public void rollback() throws SQLException {
        open().rollback();
    }

    @Override
    public void rollback(Savepoint savepoint) throws SQLException {
        open().rollback(savepoint);
    }

    @Override
    public void setAutoCommit(boolean value) throws SQLException {
        open().setAutoCommit(value);
    }

    @Override
    public void setCatalog(String value) throws SQLException {
        open().setCatalog(value);
    }

    @Override
    public void setHoldability(int value) throws SQLException {
        open().setHoldability(value);
    }

    @Override
    public void setNetworkTimeout(java.util.concurrent.Executor executor, int milliseconds) throws SQLException {
        open().setNetworkTimeout(executor, milliseconds);
    }

    @Override
    public void setReadOnly(boolean value) throws SQLException {
        open().setReadOnly(value);
    }

    @Override
    public Savepoint setSavepoint() throws SQLException {
        return open().setSavepoint();
    }

    @Override
    public Savepoint setSavepoint(String name) throws SQLException {
        return open().setSavepoint(name);
    }

    @Override
    public void setSchema(String value) throws SQLException {
        open().setSchema(value);
    }

    @Override
    public void setTransactionIsolation(int value) throws SQLException {
        open().setTransactionIsolation(value);
    }

    @Override
    public void setTypeMap(Map<String, Class<?>> value) throws SQLException {
        open().setTypeMap(value);
    }
}
