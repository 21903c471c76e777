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

/// WebP with every metadata block (EXIF with its GPS position, XMP, IPTC) stripped.
int congkhai_vips_save_webp(VipsImage *image, const char *path, int quality);

/// Reads only the header of `path`: its size as shown, after the EXIF orientation (a portrait
/// phone photo stored sideways reports its upright size); 0 on success.
int congkhai_vips_header(const char *path, int *width, int *height);
/// Shrinks an image already in memory to at most `width` pixels wide (never upscaled).
VipsImage *congkhai_vips_thumbnail_image_width(VipsImage *image, int width);
/// Fills `width`×`height` from an image already in memory, cropping around the centre.
VipsImage *congkhai_vips_thumbnail_image_fill(VipsImage *image, int width, int height);
/// Computes an image into memory, so that several sizes are made from one decode.
VipsImage *congkhai_vips_copy_memory(VipsImage *image);
/// JPEG without transparency (an alpha channel is flattened onto white first), metadata stripped.
int congkhai_vips_save_jpeg_opaque(VipsImage *image, const char *path, int quality);
/// The worker threads libvips gives each image (0: its default, one per core).
void congkhai_vips_concurrency_set(int threads);

int congkhai_vips_width(const VipsImage *image);
int congkhai_vips_height(const VipsImage *image);
void congkhai_vips_release(VipsImage *image);

#endif
