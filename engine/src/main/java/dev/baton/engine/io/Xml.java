package dev.baton.engine.io;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.util.StreamReaderDelegate;

/**
 * XML as every Baton reader parses it (XES, PNML): no DTD and no external entities (XXE), the
 * five entities XML defines and character references expanded ({@code &amp;} is an ampersand,
 * never dropped), any other entity reference refused, nothing printed on the console, and text
 * declared (or taken to be) UTF-8 decoded strictly ({@link Utf8}).
 */
public final class Xml {

    private static final Pattern DECLARED = Pattern.compile("^\\s*<\\?xml[^>]*encoding\\s*=\\s*[\"']([A-Za-z0-9._:-]+)[\"']");
    private static final Pattern UNDECLARED = Pattern.compile("The entity \"([^\"]+)\" was referenced, but not declared");
    private static final Pattern END_TAG = Pattern.compile("The element type \"([^\"]+)\" must be terminated by the matching end-tag");

    private Xml() {
    }

    private static XMLInputFactory factory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, true);
        // Warnings and recoverable errors go nowhere: Baton's own error line is the only output.
        factory.setXMLReporter((message, type, info, location) -> { });
        return factory;
    }

    /**
     * A reader of {@code in}. An entity reference it cannot expand is an {@link XMLStreamException}
     * at its place, as is a byte that is not UTF-8 in a document declared (or taken to be) UTF-8.
     */
    public static XMLStreamReader open(InputStream in) throws XMLStreamException, IOException {
        InputStream buffered = in.markSupported() ? in : new BufferedInputStream(in, 1 << 16);
        buffered.mark(1024);
        byte[] head = buffered.readNBytes(1024);
        buffered.reset();
        XMLStreamReader reader;
        String declared = declaredEncoding(head);
        boolean utf16 = head.length >= 2 && ((head[0] & 0xff) == 0xFE && (head[1] & 0xff) == 0xFF
                || (head[0] & 0xff) == 0xFF && (head[1] & 0xff) == 0xFE);
        if (utf16 || declared != null && !declared.replace("-", "").equalsIgnoreCase("utf8")) {
            reader = factory().createXMLStreamReader(buffered);
        } else {
            reader = factory().createXMLStreamReader(Utf8.reader(buffered));
        }
        return new StreamReaderDelegate(reader) {
            @Override
            public int next() throws XMLStreamException {
                int event = super.next();
                if (event == XMLStreamConstants.ENTITY_REFERENCE) {
                    throw new XMLStreamException(undefined(getLocalName()), getLocation());
                }
                return event;
            }
        };
    }

    private static String declaredEncoding(byte[] head) {
        Matcher m = DECLARED.matcher(new String(head, StandardCharsets.ISO_8859_1));
        return m.find() ? m.group(1).toLowerCase(Locale.ROOT) : null;
    }

    private static String undefined(String entity) {
        return "the entity &" + entity + "; is not defined: XML defines only &amp; &lt; &gt; &quot; &apos; and "
                + "character references such as &#233;, and Baton reads no DTD; write the character itself";
    }

    /**
     * What a parser's error means, in a sentence without the parser's own prefix:
     * {@code malformed XES: the file ends before the XML is complete (truncated?)}.
     *
     * @param format the format's name, as in "malformed XES"
     */
    public static String problem(XMLStreamException e, String format) {
        var refused = InputRefusedException.in(e);
        if (refused.isPresent()) {
            return refused.get().getMessage();
        }
        return "malformed " + format + ": " + sentence(e);
    }

    private static String sentence(XMLStreamException e) {
        String message = e.getMessage() == null ? "unreadable XML" : e.getMessage();
        int cut = message.indexOf("Message: ");
        String text = (cut >= 0 ? message.substring(cut + 9) : message).strip();
        text = text.lines().findFirst().orElse(text);
        Matcher m = UNDECLARED.matcher(text);
        if (m.find()) {
            return undefined(m.group(1));
        }
        if (text.contains("must start and end within the same entity") || text.contains("end of file")
                || text.contains("Premature end of file")) {
            return "the file ends before the XML is complete (truncated?)";
        }
        if (text.contains("Content is not allowed in prolog")) {
            return "expected XML, found text before the first element (not an XML file?)";
        }
        m = END_TAG.matcher(text);
        if (m.find()) {
            return "expected </" + m.group(1) + "> to close <" + m.group(1) + ">, found another end tag";
        }
        return text;
    }
}
