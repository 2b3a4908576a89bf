package org.fingerspell.eval;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FormatsTest {

    @Test
    void html_escapesMarkupAndQuotes() {
        assertEquals("&lt;b&gt;&amp;&quot;x&#39;", Formats.html("<b>&\"x'"));
    }

    @Test
    void html_emptyString_null() {
        assertEquals("", Formats.html(null));
    }

    @Test
    void csv_quotesAndDoublesQuotes_fieldWithCommaOrQuote() {
        assertEquals("\"a,b\"", Formats.csv("a,b"));
        assertEquals("\"say \"\"hi\"\"\"", Formats.csv("say \"hi\""));
        assertEquals("plain", Formats.csv("plain"));
    }

    @Test
    void csvNumber_empty_notANumber() {
        assertEquals("", Formats.csvNumber(Double.NaN));
        assertEquals("0.500000", Formats.csvNumber(0.5));
    }

    @Test
    void percentAndFraction_naForUndefined() {
        assertEquals("n/a", Formats.percent(Double.NaN));
        assertEquals("97.5%", Formats.percent(0.975));
        assertEquals("0.292", Formats.fraction(7.0 / 24));
    }
}
