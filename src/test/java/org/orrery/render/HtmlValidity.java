package org.orrery.render;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import nu.validator.validation.SimpleDocumentValidator;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXParseException;

/** Checks HTML with the Nu HTML Checker (the engine of the W3C's validator), offline. */
final class HtmlValidity {
    private HtmlValidity() {}

    /** The checker's errors for {@code html}, as "line:column: message"; empty when valid. */
    static List<String> errors(byte[] html) throws Exception {
        var errors = new ArrayList<String>();
        ErrorHandler handler = new ErrorHandler() {
            @Override
            public void warning(SAXParseException e) {
                // Warnings (e.g. "consider adding a lang attribute") are advice, not invalidity.
            }

            @Override
            public void error(SAXParseException e) {
                errors.add(e.getLineNumber() + ":" + e.getColumnNumber() + ": " + e.getMessage());
            }

            @Override
            public void fatalError(SAXParseException e) {
                error(e);
            }
        };
        var validator = new SimpleDocumentValidator();
        validator.setUpMainSchema("http://s.validator.nu/html5-rdfalite.rnc", handler);
        validator.setUpValidatorAndParsers(handler, false, false);
        var source = new InputSource(new ByteArrayInputStream(html));
        source.setEncoding("UTF-8");
        validator.checkHtmlInputSource(source);
        return errors;
    }
}
