package org.vigie.detect.output;

import java.io.IOException;
import java.io.Writer;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.Set;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.vigie.detect.coaction.CoActionType;
import org.vigie.detect.network.NetworkEdge;
import org.vigie.detect.pipeline.AccountNode;
import org.vigie.detect.pipeline.DetectionResult;

/**
 * The network as GEXF 1.3 (Gephi's format) and GraphML, written with the JDK's streaming XML writer, which escapes
 * markup in ids and values; characters XML cannot hold at all are replaced ({@link Xml#clean}). Nodes carry
 * group (absent when in none), score and platform; edges their weight (the IDF weight when down-weighting is on,
 * else the pair count), pairs, objects and mean Δt.
 */
final class GraphOutputs {
    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();
    static final String GEXF_NS = "http://gexf.net/1.3";
    static final String GRAPHML_NS = "http://graphml.graphdrawing.org/xmlns";

    private GraphOutputs() {
    }

    static void gexf(DetectionResult result, Writer out) throws IOException {
        try {
            XMLStreamWriter x = FACTORY.createXMLStreamWriter(out);
            x.writeStartDocument("UTF-8", "1.0");
            x.writeStartElement("gexf");
            x.writeDefaultNamespace(GEXF_NS);
            x.writeNamespace("xsi", "http://www.w3.org/2001/XMLSchema-instance");
            x.writeAttribute("http://www.w3.org/2001/XMLSchema-instance", "schemaLocation",
                    GEXF_NS + " http://gexf.net/1.3/gexf.xsd");
            x.writeAttribute("version", "1.3");
            x.writeStartElement("meta");
            x.writeAttribute("lastmodifieddate", LocalDate.now(ZoneOffset.UTC).toString());
            element(x, "creator", "Vigie");
            element(x, "description", "Coordinated-behaviour network: " + result.edges().size() + " edges, "
                    + result.groups().size() + " groups");
            x.writeEndElement();
            x.writeStartElement("graph");
            x.writeAttribute("defaultedgetype", "undirected");
            x.writeAttribute("mode", "static");
            x.writeStartElement("attributes");
            x.writeAttribute("class", "node");
            gexfAttribute(x, "group", "integer");
            gexfAttribute(x, "score", "double");
            gexfAttribute(x, "platform", "string");
            gexfAttribute(x, "posts", "long");
            x.writeEndElement();
            x.writeStartElement("attributes");
            x.writeAttribute("class", "edge");
            gexfAttribute(x, "pairs", "long");
            gexfAttribute(x, "objects", "integer");
            gexfAttribute(x, "avg_time_delta", "double");
            gexfAttribute(x, "types", "string");
            x.writeEndElement();
            x.writeStartElement("nodes");
            for (AccountNode a : result.accounts()) {
                x.writeStartElement("node");
                x.writeAttribute("id", Xml.clean(a.accountId()));
                x.writeAttribute("label", Xml.clean(a.accountId()));
                x.writeStartElement("attvalues");
                if (a.inGroup()) {
                    attvalue(x, "group", Integer.toString(a.groupId()));
                }
                attvalue(x, "score", Csv.number(a.score()));
                if (a.platform() != null) {
                    attvalue(x, "platform", Xml.clean(a.platform()));
                }
                attvalue(x, "posts", Long.toString(a.posts()));
                x.writeEndElement();
                x.writeEndElement();
            }
            x.writeEndElement();
            x.writeStartElement("edges");
            long id = 0;
            Set<CoActionType> types = EnumSet.copyOf(result.settings().types());
            for (NetworkEdge e : result.edges()) {
                x.writeStartElement("edge");
                x.writeAttribute("id", Long.toString(id++));
                x.writeAttribute("source", Xml.clean(e.accountId()));
                x.writeAttribute("target", Xml.clean(e.accountIdY()));
                x.writeAttribute("weight", Csv.number(e.weight()));
                x.writeStartElement("attvalues");
                attvalue(x, "pairs", Long.toString(e.pairs()));
                if (e.objects() >= 0) {
                    attvalue(x, "objects", Integer.toString(e.objects()));
                }
                attvalue(x, "avg_time_delta", Csv.number(e.avgTimeDelta()));
                attvalue(x, "types", typesOf(e, types));
                x.writeEndElement();
                x.writeEndElement();
            }
            x.writeEndElement();
            x.writeEndElement();
            x.writeEndElement();
            x.writeEndDocument();
            x.flush();
        } catch (XMLStreamException e) {
            throw new IOException("cannot write GEXF: " + e.getMessage(), e);
        }
    }

    static void graphml(DetectionResult result, Writer out) throws IOException {
        try {
            XMLStreamWriter x = FACTORY.createXMLStreamWriter(out);
            x.writeStartDocument("UTF-8", "1.0");
            x.writeStartElement("graphml");
            x.writeDefaultNamespace(GRAPHML_NS);
            graphmlKey(x, "group", "node", "int");
            graphmlKey(x, "score", "node", "double");
            graphmlKey(x, "platform", "node", "string");
            graphmlKey(x, "posts", "node", "long");
            graphmlKey(x, "weight", "edge", "double");
            graphmlKey(x, "pairs", "edge", "long");
            graphmlKey(x, "objects", "edge", "int");
            graphmlKey(x, "avg_time_delta", "edge", "double");
            graphmlKey(x, "types", "edge", "string");
            x.writeStartElement("graph");
            x.writeAttribute("id", "coordination");
            x.writeAttribute("edgedefault", "undirected");
            for (AccountNode a : result.accounts()) {
                x.writeStartElement("node");
                x.writeAttribute("id", Xml.clean(a.accountId()));
                if (a.inGroup()) {
                    data(x, "group", Integer.toString(a.groupId()));
                }
                data(x, "score", Csv.number(a.score()));
                if (a.platform() != null) {
                    data(x, "platform", Xml.clean(a.platform()));
                }
                data(x, "posts", Long.toString(a.posts()));
                x.writeEndElement();
            }
            Set<CoActionType> types = EnumSet.copyOf(result.settings().types());
            for (NetworkEdge e : result.edges()) {
                x.writeStartElement("edge");
                x.writeAttribute("source", Xml.clean(e.accountId()));
                x.writeAttribute("target", Xml.clean(e.accountIdY()));
                data(x, "weight", Csv.number(e.weight()));
                data(x, "pairs", Long.toString(e.pairs()));
                if (e.objects() >= 0) {
                    data(x, "objects", Integer.toString(e.objects()));
                }
                data(x, "avg_time_delta", Csv.number(e.avgTimeDelta()));
                data(x, "types", typesOf(e, types));
                x.writeEndElement();
            }
            x.writeEndElement();
            x.writeEndElement();
            x.writeEndDocument();
            x.flush();
        } catch (XMLStreamException e) {
            throw new IOException("cannot write GraphML: " + e.getMessage(), e);
        }
    }

    /** The co-action types the edge has pairs of, e.g. {@code co-link co-text-near}. */
    private static String typesOf(NetworkEdge e, Set<CoActionType> types) {
        StringBuilder b = new StringBuilder();
        for (CoActionType t : types) {
            if (e.pairs(t) > 0) {
                b.append(b.isEmpty() ? "" : " ").append(t.key());
            }
        }
        return b.toString();
    }

    private static void element(XMLStreamWriter x, String name, String text) throws XMLStreamException {
        x.writeStartElement(name);
        x.writeCharacters(Xml.clean(text));
        x.writeEndElement();
    }

    private static void gexfAttribute(XMLStreamWriter x, String id, String type) throws XMLStreamException {
        x.writeEmptyElement("attribute");
        x.writeAttribute("id", id);
        x.writeAttribute("title", id);
        x.writeAttribute("type", type);
    }

    private static void attvalue(XMLStreamWriter x, String key, String value) throws XMLStreamException {
        x.writeEmptyElement("attvalue");
        x.writeAttribute("for", key);
        x.writeAttribute("value", value);
    }

    private static void graphmlKey(XMLStreamWriter x, String id, String domain, String type) throws XMLStreamException {
        x.writeEmptyElement("key");
        x.writeAttribute("id", id);
        x.writeAttribute("for", domain);
        x.writeAttribute("attr.name", id);
        x.writeAttribute("attr.type", type);
    }

    private static void data(XMLStreamWriter x, String key, String value) throws XMLStreamException {
        x.writeStartElement("data");
        x.writeAttribute("key", key);
        x.writeCharacters(value);
        x.writeEndElement();
    }
}
