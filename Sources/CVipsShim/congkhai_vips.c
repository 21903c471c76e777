#include "congkhai_vips.h"

#include <vips/vips.h>

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

int congkhai_vips_init(void) {
    return VIPS_INIT("congkhai");
}

const char *congkhai_vips_error(void) {
    return vips_error_buffer();
}

void congkhai_vips_error_clear(void) {
    vips_error_clear();
}

VipsImage *congkhai_vips_thumbnail_width(const char *path, int width) {
    VipsImage *out = NULL;
    // The height bound is left open so that only the width limits the size.
    if (vips_thumbnail(path, &out, width, "height", VIPS_MAX_COORD, "size", VIPS_SIZE_DOWN, NULL)) {
        return NULL;
    }
    return out;
}

static uint32_t read_le32(const unsigned char *p) {
    return (uint32_t)p[0] | ((uint32_t)p[1] << 8) | ((uint32_t)p[2] << 16) | ((uint32_t)p[3] << 24);
}

static void write_le32(unsigned char *p, uint32_t v) {
    p[0] = v & 0xff;
    p[1] = (v >> 8) & 0xff;
    p[2] = (v >> 16) & 0xff;
    p[3] = (v >> 24) & 0xff;
}

// Drops the EXIF, XMP and ICC chunks of a WebP file in place and clears their flags in VP8X;
// returns the new length, or 0 when the bytes are not a WebP file this code understands.
static size_t webp_without_metadata(unsigned char *bytes, size_t length) {
    if (length < 12 || memcmp(bytes, "RIFF", 4) || memcmp(bytes + 8, "WEBP", 4)) {
        return 0;
    }
    size_t in = 12, out = 12;
    while (in + 8 <= length) {
        uint32_t size = read_le32(bytes + in + 4);
        size_t whole = 8 + (size_t)size + (size & 1);
        if (in + whole > length) {
            return 0;
        }
        int drop = !memcmp(bytes + in, "EXIF", 4) || !memcmp(bytes + in, "XMP ", 4) || !memcmp(bytes + in, "ICCP", 4);
        if (!drop) {
            memmove(bytes + out, bytes + in, whole);
            if (!memcmp(bytes + out, "VP8X", 4) && size >= 1) {
                bytes[out + 8] &= (unsigned char)~(0x20 | 0x08 | 0x04);  // ICC, EXIF, XMP
            }
            out += whole;
        }
        in += whole;
    }
    write_le32(bytes + 4, (uint32_t)(out - 8));
    return out;
}

int congkhai_vips_save_webp(VipsImage *image, const char *path, int quality) {
    // libvips 8.14's webpsave writes an EXIF chunk despite "strip" (rebuilt from its exif-*
    // fields): the file is made in memory and its metadata chunks are cut out before it is written.
    void *buffer = NULL;
    size_t length = 0;
    if (vips_webpsave_buffer(image, &buffer, &length, "Q", quality, "strip", TRUE, NULL)) {
        return -1;
    }
    size_t kept = webp_without_metadata(buffer, length);
    int failed = -1;
    if (kept == 0) {
        vips_error("congkhai", "%s", "webpsave made an unexpected file");
    } else {
        FILE *file = fopen(path, "wb");
        if (!file) {
            vips_error_system(errno, "congkhai", "cannot write %s", path);
        } else {
            failed = fwrite(buffer, 1, kept, file) == kept ? 0 : -1;
            if (fclose(file) != 0 || failed) {
                vips_error_system(errno, "congkhai", "cannot write %s", path);
                failed = -1;
            }
        }
    }
    g_free(buffer);
    return failed;
}

// Metadata stripped, as every saver here does.
static int save_jpeg(VipsImage *image, const char *path, int quality) {
    return vips_jpegsave(image, path, "Q", quality, "strip", TRUE, "optimize_coding", TRUE, NULL);
}

int congkhai_vips_header(const char *path, int *width, int *height) {
    VipsImage *image = vips_image_new_from_file(path, "access", VIPS_ACCESS_SEQUENTIAL, NULL);
    if (!image) {
        return -1;
    }
    int w = vips_image_get_width(image), h = vips_image_get_height(image);
    if (vips_image_get_orientation_swap(image)) {
        int t = w;
        w = h;
        h = t;
    }
    *width = w;
    *height = h;
    g_object_unref(image);
    return 0;
}

VipsImage *congkhai_vips_thumbnail_image_width(VipsImage *image, int width) {
    VipsImage *out = NULL;
    if (vips_thumbnail_image(image, &out, width, "height", VIPS_MAX_COORD, "size", VIPS_SIZE_DOWN, NULL)) {
        return NULL;
    }
    return out;
}

VipsImage *congkhai_vips_thumbnail_image_fill(VipsImage *image, int width, int height) {
    VipsImage *out = NULL;
    if (vips_thumbnail_image(image, &out, width, "height", height, "crop", VIPS_INTERESTING_CENTRE, NULL)) {
        return NULL;
    }
    return out;
}

VipsImage *congkhai_vips_copy_memory(VipsImage *image) {
    return vips_image_copy_memory(image);
}

int congkhai_vips_save_jpeg_opaque(VipsImage *image, const char *path, int quality) {
    if (!vips_image_hasalpha(image)) {
        return save_jpeg(image, path, quality);
    }
    VipsImage *flat = NULL;
    VipsArrayDouble *white = vips_array_double_newv(3, 255.0, 255.0, 255.0);
    int failed = vips_flatten(image, &flat, "background", white, NULL);
    vips_area_unref(VIPS_AREA(white));
    if (failed) {
        return failed;
    }
    failed = save_jpeg(flat, path, quality);
    g_object_unref(flat);
    return failed;
}

void congkhai_vips_concurrency_set(int threads) {
    vips_concurrency_set(threads);
}

int congkhai_vips_width(const VipsImage *image) {
    return vips_image_get_width(image);
}

int congkhai_vips_height(const VipsImage *image) {
    return vips_image_get_height(image);
}

void congkhai_vips_release(VipsImage *image) {
    if (image) {
        g_object_unref(image);
    }
}
