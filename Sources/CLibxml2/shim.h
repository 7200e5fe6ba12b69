#pragma once
/* libxml2 is built with ICU support on Debian, and its encoding.h then includes the system's
   <unicode/ucnv.h>. Those ICU headers clash with the copy Foundation ships (_FoundationICU) in
   any Swift module that also imports Foundation. pokin never touches the ICU parts of
   xmlCharEncodingHandler (only pointers to it), so the ICU declarations are left out here. */
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/SAX2.h>
#include <libxml/xmlreader.h>
#include <libxml/xmlerror.h>
