// Fixed-argument wrappers over libvips, whose API is variadic (`..., NULL` option lists),
// which Swift cannot call. Each returns NULL or a non-zero status on failure; the reason is
// in congkhai_vips_error().
#ifndef CONGKHAI_VIPS_H
#define CONGKHAI_VIPS_H

#include <stddef.h>

typedef struct _VipsImage VipsImage;

/// Starts libvips once per process; 0 on success.
int congkhai_vips_init(void);
/// The last error message of this thread (empty when none); cleared by congkhai_vips_error_clear.
const char *congkhai_vips_error(void);
void congkhai_vips_error_clear(void);

/// Loads `path`, applies its EXIF orientation and shrinks it so that it is at most `width`
/// pixels wide (never upscaled).
VipsImage *congkhai_vips_thumbnail_width(const char *path, int width);
/// Loads `path`, applies its EXIF orientation, and fills `width`×`height` exactly, cropping
/// around the centre (the shape of a social card).
VipsImage *congkhai_vips_thumbnail_fill(const char *path, int width, int height);
/// Renders an SVG document held in memory (librsvg).
VipsImage *congkhai_vips_svg_buffer(const void *bytes, size_t length);

/// Savers: every metadata block (EXIF with its GPS position, XMP, IPTC) is stripped.
int congkhai_vips_save_webp(VipsImage *image, const char *path, int quality);
int congkhai_vips_save_jpeg(VipsImage *image, const char *path, int quality);
int congkhai_vips_save_png(VipsImage *image, const char *path);

/// Reads only the header of `path`: its size as shown, after the EXIF orientation (a portrait
/// phone photo stored sideways reports its upright size); 0 on success.
int congkhai_vips_header(const char *path, int *width, int *height);
/// Shrinks an image already in memory to at most `width` pixels wide (never upscaled).
VipsImage *congkhai_vips_thumbnail_image_width(VipsImage *image, int width);
/// Fills `width`×`height` from an image already in memory, cropping around the centre.
VipsImage *congkhai_vips_thumbnail_image_fill(VipsImage *image, int width, int height);
/// Computes an image into memory, so that several sizes are made from one decode.
VipsImage *congkhai_vips_copy_memory(VipsImage *image);
/// JPEG without transparency: an alpha channel is flattened onto white first.
int congkhai_vips_save_jpeg_opaque(VipsImage *image, const char *path, int quality);
/// The worker threads libvips gives each image (0: its default, one per core).
void congkhai_vips_concurrency_set(int threads);

/// PNG into memory (metadata stripped; `compression` 0–9; `filtered` 0: rows unfiltered, else
/// libpng's adaptive row filters): `*bytes` is freed with congkhai_vips_free.
int congkhai_vips_save_png_buffer(VipsImage *image, int compression, int filtered, void **bytes, size_t *length);
/// The first three bands of an RGBA image (for an opaque drawing); a new reference to any other.
VipsImage *congkhai_vips_drop_alpha(VipsImage *image);
/// `sub` in place of the pixels of `base` at (`x`, `y`), without blending (same bands and format).
VipsImage *congkhai_vips_insert(VipsImage *base, VipsImage *sub, int x, int y);
/// libvips' version, such as "8.14.1".
const char *congkhai_vips_version(void);
/// JPEG into memory (metadata stripped), the same way.
int congkhai_vips_save_jpeg_buffer(VipsImage *image, int quality, void **bytes, size_t *length);
void congkhai_vips_free(void *bytes);

int congkhai_vips_width(const VipsImage *image);
int congkhai_vips_height(const VipsImage *image);
void congkhai_vips_release(VipsImage *image);

#endif
