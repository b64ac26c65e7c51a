package dev.stride.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The unit the functions deploy ({@link PersistenceUnit}, given to EclipseLink in code) and
 * META-INF/persistence.xml (what the build-time weaver reads) describe the same unit.
 */
class PersistenceUnitTest {

    @Test
    void persistenceUnit_whenComparedWithPersistenceXml_thenSameClassesAndProperties() throws Exception {
        Document xml;
        try (InputStream in = PersistenceUnit.class.getResourceAsStream("/META-INF/persistence.xml")) {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            xml = factory.newDocumentBuilder().parse(in);
        }
        Element unit = (Element) xml.getElementsByTagNameNS("*", "persistence-unit").item(0);
        PersistenceUnit code = new PersistenceUnit(null);

        assertThat(code.getPersistenceUnitName()).isEqualTo(unit.getAttribute("name"));
        assertThat(code.getTransactionType().name()).isEqualTo(unit.getAttribute("transaction-type"));
        assertThat(code.getPersistenceProviderClassName()).isEqualTo(text(unit, "provider").getFirst());
        assertThat(code.getManagedClassNames()).isEqualTo(text(unit, "class"));
        assertThat(code.excludeUnlistedClasses()).isEqualTo(Boolean.parseBoolean(text(unit, "exclude-unlisted-classes").getFirst()));
        assertThat(code.getValidationMode().name()).isEqualTo(text(unit, "validation-mode").getFirst());

        Map<String, String> properties = new LinkedHashMap<>();
        NodeList nodes = unit.getElementsByTagNameNS("*", "property");
        for (int i = 0; i < nodes.getLength(); i++) {
            Element property = (Element) nodes.item(i);
            properties.put(property.getAttribute("name"), property.getAttribute("value"));
        }
        assertThat(code.getProperties()).containsExactlyInAnyOrderEntriesOf(properties);
    }

    private static List<String> text(Element parent, String name) {
        List<String> values = new ArrayList<>();
        NodeList nodes = parent.getElementsByTagNameNS("*", name);
        for (int i = 0; i < nodes.getLength(); i++) {
            values.add(nodes.item(i).getTextContent().strip());
        }
        return values;
    }
}
