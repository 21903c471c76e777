#include "congkhai_vips.h"

#include <vips/vips.h>

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

VipsImage *congkhai_vips_thumbnail_fill(const char *path, int width, int height) {
    VipsImage *out = NULL;
    if (vips_thumbnail(path, &out, width, "height", height, "crop", VIPS_INTERESTING_CENTRE, NULL)) {
        return NULL;
    }
    return out;
}

VipsImage *congkhai_vips_svg_buffer(const void *bytes, size_t length) {
    VipsImage *out = NULL;
    if (vips_svgload_buffer((void *)bytes, length, &out, NULL)) {
        return NULL;
    }
    return out;
}

int congkhai_vips_save_webp(VipsImage *image, const char *path, int quality) {
    return vips_webpsave(image, path, "Q", quality, "strip", TRUE, NULL);
}

int congkhai_vips_save_jpeg(VipsImage *image, const char *path, int quality) {
    return vips_jpegsave(image, path, "Q", quality, "strip", TRUE, "optimize_coding", TRUE, NULL);
}

int congkhai_vips_save_png(VipsImage *image, const char *path) {
    return vips_pngsave(image, path, "strip", TRUE, NULL);
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

VipsImage *congkhai_vips_copy_memory(VipsImage *image) {
    return vips_image_copy_memory(image);
}

int congkhai_vips_save_jpeg_opaque(VipsImage *image, const char *path, int quality) {
    if (!vips_image_hasalpha(image)) {
        return congkhai_vips_save_jpeg(image, path, quality);
    }
    VipsImage *flat = NULL;
    VipsArrayDouble *white = vips_array_double_newv(3, 255.0, 255.0, 255.0);
    int failed = vips_flatten(image, &flat, "background", white, NULL);
    vips_area_unref(VIPS_AREA(white));
    if (failed) {
        return failed;
    }
    failed = congkhai_vips_save_jpeg(flat, path, quality);
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

int congkhai_vips_save_png_buffer(VipsImage *image, int compression, void **bytes, size_t *length) {
    return vips_pngsave_buffer(image, bytes, length, "strip", TRUE, "compression", compression, NULL);
}

int congkhai_vips_save_jpeg_buffer(VipsImage *image, int quality, void **bytes, size_t *length) {
    return vips_jpegsave_buffer(image, bytes, length, "Q", quality, "strip", TRUE, "optimize_coding", TRUE, NULL);
}

void congkhai_vips_free(void *bytes) {
    g_free(bytes);
}
