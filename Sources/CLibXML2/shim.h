#include <libxml/xmlversion.h>
// libxml2 would include ICU's headers, which clash with Foundation's copy of ICU; the reader needs none of it.
#undef LIBXML_ICU_ENABLED
#include <libxml/xmlreader.h>
