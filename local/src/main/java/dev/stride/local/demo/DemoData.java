package dev.stride.local.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stride.db.DatabaseSettings;
import dev.stride.local.auth.LocalIdentityProvider;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code --demo}: writes the {@link DemoStory} through the local server's own API (the real
 * functions, their validation, their database), so an empty database has something to show;
 * and finds the demo users a database already has.
 */
public final class DemoData {

    private final DatabaseSettings database;
    private final ObjectMapper json;

    public DemoData(DatabaseSettings database, ObjectMapper json) {
        this.database = database;
        this.json = json;
    }

    /**
     * Tells the story through the API at {@code baseUrl} if the database has no users; answers
     * how many requests that took (0: the database was not empty).
     */
    public int fillIfEmpty(String baseUrl, LocalIdentityProvider identities) {
        if (userCount() > 0) {
            return 0;
        }
        HttpClient client = HttpClient.newHttpClient();
        int requests = 0;
        for (DemoStory.Person person : DemoStory.PEOPLE) {
            send(client, baseUrl, "/users", identities.mint(person.sub(), person.groups()),
                    Map.of("username", person.username(), "email", person.email()));
            requests++;
        }
        for (DemoStory.Entry entry : DemoStory.entries(LocalDate.now(ZoneOffset.UTC))) {
            send(client, baseUrl, entry.path(), identities.mint(entry.person().sub(), entry.person().groups()), entry.body());
            requests++;
        }
        return requests;
    }

    /** The demo people whose profile the database holds. */
    public List<DemoStory.Person> present() {
        Set<String> subs = new LinkedHashSet<>();
        try (Connection connection = connect();
             PreparedStatement query = connection.prepareStatement("SELECT owner_sub FROM users WHERE owner_sub = ANY (?)")) {
            query.setArray(1, connection.createArrayOf("text", DemoStory.PEOPLE.stream().map(DemoStory.Person::sub).toArray()));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    subs.add(rows.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the demo users: " + e.getMessage(), e);
        }
        return DemoStory.PEOPLE.stream().filter(p -> subs.contains(p.sub())).toList();
    }

    /** The command that gets a token for {@code person} from the server at {@code baseUrl}. */
    public static String tokenCommand(String baseUrl, DemoStory.Person person) {
        String groups = person.groups().isEmpty() ? "" : ", \"groups\": [\"" + String.join("\", \"", person.groups()) + "\"]";
        return "curl -s -X POST " + baseUrl + "/_local/token -H 'Content-Type: application/json' -d '{\"sub\": \""
                + person.sub() + "\"" + groups + "}'";
    }

    /** Prints a token command per demo user, for the banner. */
    public static void printTokenCommands(PrintStream out, String baseUrl, List<DemoStory.Person> people) {
        for (DemoStory.Person person : people) {
            out.println("  " + person.username() + (person.groups().isEmpty() ? "" : " (" + String.join(", ", person.groups()) + ")")
                    + ": " + tokenCommand(baseUrl, person));
        }
    }

    private long userCount() {
        try (Connection connection = connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT count(*) FROM users")) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot count the users: " + e.getMessage(), e);
        }
    }

    private void send(HttpClient client, String baseUrl, String path, String token, Map<String, Object> body) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)))
                    .build();
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 201) {
                throw new IllegalStateException("the demo story failed: POST " + path + " answered " + response.statusCode()
                        + " " + response.body());
            }
        } catch (IOException e) {
            throw new IllegalStateException("the demo story failed: POST " + path + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing the demo story", e);
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
    }
}
