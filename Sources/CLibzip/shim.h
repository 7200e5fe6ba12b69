#pragma once
#include <zip.h>
/* zlib (a dependency of libzip): the XLSX writer deflates large parts itself, in parallel. */
#include <zlib.h>
