// Drawing a social card's rows and writing them as PNG, in C because pango, cairo and libpng
// are C libraries whose error handling (GError, setjmp) Swift should not see.
#ifndef CONGKHAI_CANVAS_H
#define CONGKHAI_CANVAS_H

#include <stddef.h>
#include <stdint.h>

/// An opaque RGB surface `width`×`height` whose first row is row `top` of the card: marks are
/// placed in card coordinates.
typedef struct congkhai_canvas congkhai_canvas;

/// A new canvas filled with `ground` (0xRRGGBB); NULL when cairo could not allocate it.
congkhai_canvas *congkhai_canvas_create(int width, int height, int top, uint32_t ground);
void congkhai_canvas_free(congkhai_canvas *canvas);

/// Fills a rectangle (card coordinates, whole pixels) with `color`.
void congkhai_canvas_fill(congkhai_canvas *canvas, int x, int y, int width, int height, uint32_t color);

/// Draws one line of UTF-8 text with its baseline at (`x`, `baseline`), `size` pixels high, in
/// `families` (a comma-separated fontconfig list), bold or regular, with `letter_spacing`
/// pixels between letters. Pango shapes it (Vietnamese stacked marks included) and cairo
/// draws its glyphs from a cache shared by every card. Returns its advance width in pixels.
double congkhai_canvas_text(congkhai_canvas *canvas, const char *text, const char *families, double size,
                            int bold, double letter_spacing, double x, double baseline, uint32_t color);

/// The width `text` takes when congkhai_canvas_text draws it (its advance, in pixels).
double congkhai_text_width(const char *text, const char *families, double size, int bold,
                           double letter_spacing);

/// The pixels, row after row: 0x00RRGGBB words, `*stride` words from one row to the next.
const uint32_t *congkhai_canvas_pixels(congkhai_canvas *canvas, int *stride);

/// A PNG of `width`×`height` palette indices (one byte each, rows `stride` bytes apart) with
/// `count` palette colours (`palette`: r, g, b bytes). Zlib's fastest level with run-length
/// matching and unfiltered rows: a card is flat colour and text. 0 on success; `*bytes` is then
/// freed with congkhai_png_free.
int congkhai_png_indexed(const uint8_t *indices, int width, int height, size_t stride,
                         const uint8_t *palette, int count, uint8_t **bytes, size_t *length);
/// The same for RGB pixels (three bytes each).
int congkhai_png_rgb(const uint8_t *pixels, int width, int height, size_t stride, uint8_t **bytes,
                     size_t *length);
void congkhai_png_free(uint8_t *bytes);

/// The versions of pango, cairo and libpng, which decide the pixels and bytes of a card.
const char *congkhai_canvas_versions(void);

#endif
