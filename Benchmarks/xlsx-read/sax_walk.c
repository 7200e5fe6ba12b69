/* The floor for pokin's XLSX reading: inflate one zip entry with libzip and walk it with
 * libxml2's SAX2 push parser, fed in 64 KiB chunks (as pokin does), counting elements and
 * text bytes and doing nothing else. No shared strings, no cell values, no allocation per cell.
 *
 *   sax_walk FILE.xlsx [ENTRY]          inflate + SAX2 walk  (default entry xl/worksheets/sheet1.xml)
 *   sax_walk --inflate FILE.xlsx [ENTRY] inflate only
 *
 * Build: cc -O2 sax_walk.c $(pkg-config --cflags --libs libzip libxml-2.0) -o sax_walk
 */
#include <libxml/parser.h>
#include <libxml/SAX2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>

static long elements, textBytes;

static void onStart(void *ctx, const xmlChar *localname, const xmlChar *prefix, const xmlChar *uri,
                    int nbNamespaces, const xmlChar **namespaces, int nbAttributes, int nbDefaulted,
                    const xmlChar **attributes) {
    (void)ctx; (void)localname; (void)prefix; (void)uri; (void)nbNamespaces; (void)namespaces;
    (void)nbAttributes; (void)nbDefaulted; (void)attributes;
    elements++;
}

static void onEnd(void *ctx, const xmlChar *localname, const xmlChar *prefix, const xmlChar *uri) {
    (void)ctx; (void)localname; (void)prefix; (void)uri;
}

static void onCharacters(void *ctx, const xmlChar *text, int length) {
    (void)ctx; (void)text;
    textBytes += length;
}

int main(int argc, char **argv) {
    int inflateOnly = argc > 1 && strcmp(argv[1], "--inflate") == 0;
    if (inflateOnly) { argv++; argc--; }
    if (argc < 2) { fprintf(stderr, "usage: sax_walk [--inflate] FILE.xlsx [ENTRY]\n"); return 2; }
    const char *entryName = argc > 2 ? argv[2] : "xl/worksheets/sheet1.xml";
    int error = 0;
    zip_t *archive = zip_open(argv[1], ZIP_RDONLY, &error);
    if (!archive) { fprintf(stderr, "cannot open %s\n", argv[1]); return 1; }
    zip_file_t *entry = zip_fopen(archive, entryName, 0);
    if (!entry) { fprintf(stderr, "no entry %s\n", entryName); return 1; }

    xmlInitParser();
    xmlSAXHandler handler;
    memset(&handler, 0, sizeof handler);
    handler.initialized = XML_SAX2_MAGIC;
    handler.startElementNs = onStart;
    handler.endElementNs = onEnd;
    handler.characters = onCharacters;
    handler.ignorableWhitespace = onCharacters;
    xmlParserCtxtPtr context = inflateOnly ? NULL : xmlCreatePushParserCtxt(&handler, NULL, NULL, 0, entryName);
    if (context) xmlCtxtUseOptions(context, XML_PARSE_NONET | XML_PARSE_NOCDATA);

    static char buffer[64 * 1024];
    long inflated = 0;
    zip_int64_t count;
    while ((count = zip_fread(entry, buffer, sizeof buffer)) > 0) {
        inflated += count;
        if (context && xmlParseChunk(context, buffer, (int)count, 0) != 0) { fprintf(stderr, "XML error\n"); return 1; }
    }
    if (context) { xmlParseChunk(context, NULL, 0, 1); xmlFreeParserCtxt(context); }
    zip_fclose(entry);
    zip_discard(archive);
    printf("inflated %ld bytes, %ld elements, %ld text bytes\n", inflated, elements, textBytes);
    return 0;
}
