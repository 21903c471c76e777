#include "congkhai_canvas.h"

#include <png.h>
#include <setjmp.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

typedef struct {
    uint8_t *bytes;
    size_t length, capacity;
    int failed;
} buffer;

static void append(png_structp png, png_bytep data, png_size_t length) {
    buffer *out = png_get_io_ptr(png);
    if (out->failed) return;
    if (out->length + length > out->capacity) {
        size_t capacity = out->capacity ? out->capacity : 65536;
        while (capacity < out->length + length) capacity *= 2;
        uint8_t *grown = realloc(out->bytes, capacity);
        if (!grown) {
            out->failed = 1;
            return;
        }
        out->bytes = grown;
        out->capacity = capacity;
    }
    memcpy(out->bytes + out->length, data, length);
    out->length += length;
}

static void flush(png_structp png) { (void)png; }

// libpng's own handlers print to stderr; the library prints nothing: a failure is a status.
static void fail(png_structp png, png_const_charp message) {
    (void)message;
    png_longjmp(png, 1);
}

static void ignore(png_structp png, png_const_charp message) {
    (void)png;
    (void)message;
}

// One writer for both colour types: libpng reports errors by longjmp, so everything that must
// be freed is reachable from here.
static int write_png(const uint8_t *rows, int width, int height, size_t stride, int color_type,
                     const uint8_t *palette, int count, uint8_t **bytes, size_t *length) {
    png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, NULL, fail, ignore);
    if (!png) return -1;
    png_infop info = png_create_info_struct(png);
    // On the heap: what a longjmp leaves in a local that changed after setjmp is undefined.
    buffer *out = calloc(1, sizeof *out);
    // Changed after setjmp and read after a longjmp: volatile, or the compiler may keep a stale copy.
    png_bytep *volatile pointers = NULL;
    if (!info || !out || setjmp(png_jmpbuf(png))) {
        png_destroy_write_struct(&png, info ? &info : NULL);
        free(pointers);
        if (out) free(out->bytes);
        free(out);
        return -1;
    }
    png_set_write_fn(png, out, append, flush);
    png_set_IHDR(png, info, (png_uint_32)width, (png_uint_32)height, 8, color_type, PNG_INTERLACE_NONE,
                 PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
    if (color_type == PNG_COLOR_TYPE_PALETTE) {
        png_color colors[256];
        for (int i = 0; i < count; i++) {
            colors[i].red = palette[3 * i];
            colors[i].green = palette[3 * i + 1];
            colors[i].blue = palette[3 * i + 2];
        }
        png_set_PLTE(png, info, colors, count);
    }
    png_set_filter(png, PNG_FILTER_TYPE_BASE, PNG_FILTER_NONE);
    png_set_compression_level(png, 1);
    png_set_compression_strategy(png, Z_RLE);
    png_set_compression_buffer_size(png, 1 << 17);
    pointers = malloc(sizeof(png_bytep) * (size_t)height);
    if (!pointers) png_error(png, "out of memory");
    for (int y = 0; y < height; y++) pointers[y] = (png_bytep)(rows + (size_t)y * stride);
    png_write_info(png, info);
    png_write_image(png, pointers);
    png_write_end(png, NULL);
    png_destroy_write_struct(&png, &info);
    free(pointers);
    int failed = out->failed;
    if (failed) free(out->bytes);
    else {
        *bytes = out->bytes;
        *length = out->length;
    }
    free(out);
    return failed ? -1 : 0;
}

int congkhai_png_indexed(const uint8_t *indices, int width, int height, size_t stride,
                         const uint8_t *palette, int count, uint8_t **bytes, size_t *length) {
    if (count < 1 || count > 256) return -1;
    return write_png(indices, width, height, stride, PNG_COLOR_TYPE_PALETTE, palette, count, bytes, length);
}

int congkhai_png_rgb(const uint8_t *pixels, int width, int height, size_t stride, uint8_t **bytes,
                     size_t *length) {
    return write_png(pixels, width, height, stride, PNG_COLOR_TYPE_RGB, NULL, 0, bytes, length);
}

void congkhai_png_free(uint8_t *bytes) { free(bytes); }
