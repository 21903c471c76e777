#include "congkhai_canvas.h"

#include <pango/pangocairo.h>
#include <png.h>
#include <pthread.h>
#include <stdio.h>

struct congkhai_canvas {
    cairo_surface_t *surface;
    cairo_t *cairo;
    PangoContext *pango;
};

static void set_color(cairo_t *cairo, uint32_t color) {
    cairo_set_source_rgb(cairo, ((color >> 16) & 0xff) / 255.0, ((color >> 8) & 0xff) / 255.0,
                         (color & 0xff) / 255.0);
}

// A context with the cards' font options: outlines as designed, neither hinted nor snapped to
// whole pixels (what a browser's SVG draws), the same on every machine with the same fonts. The
// default font map is one per thread (pango >= 1.32.6), so cards drawn on several threads share
// nothing but cairo's glyph cache, which has its own lock.
static PangoContext *new_context(void) {
    PangoContext *context = pango_font_map_create_context(pango_cairo_font_map_get_default());
    cairo_font_options_t *options = cairo_font_options_create();
    cairo_font_options_set_antialias(options, CAIRO_ANTIALIAS_GRAY);
    cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
    cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
    pango_cairo_context_set_font_options(context, options);
    cairo_font_options_destroy(options);
    return context;
}

// One line of text, shaped: measured and drawn alike.
static PangoLayout *new_layout(PangoContext *context, const char *text, const char *families, double size,
                               int bold, double letter_spacing) {
    PangoLayout *layout = pango_layout_new(context);
    PangoFontDescription *font = pango_font_description_new();
    pango_font_description_set_family(font, families);
    pango_font_description_set_absolute_size(font, size * PANGO_SCALE);
    pango_font_description_set_weight(font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
    pango_layout_set_font_description(layout, font);
    pango_font_description_free(font);
    if (letter_spacing != 0) {
        PangoAttrList *attributes = pango_attr_list_new();
        pango_attr_list_insert(attributes, pango_attr_letter_spacing_new((int)(letter_spacing * PANGO_SCALE)));
        pango_layout_set_attributes(layout, attributes);
        pango_attr_list_unref(attributes);
    }
    pango_layout_set_text(layout, text, -1);
    return layout;
}

static double advance(PangoLayout *layout) {
    int width = 0;
    pango_layout_get_size(layout, &width, NULL);
    return (double)width / PANGO_SCALE;
}

congkhai_canvas *congkhai_canvas_create(int width, int height, int top, uint32_t ground) {
    cairo_surface_t *surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, width, height);
    if (cairo_surface_status(surface) != CAIRO_STATUS_SUCCESS) {
        cairo_surface_destroy(surface);
        return NULL;
    }
    congkhai_canvas *canvas = calloc(1, sizeof *canvas);
    canvas->surface = surface;
    canvas->cairo = cairo_create(surface);
    cairo_translate(canvas->cairo, 0, -top);
    set_color(canvas->cairo, ground);
    cairo_paint(canvas->cairo);
    canvas->pango = new_context();
    pango_cairo_update_context(canvas->cairo, canvas->pango);
    return canvas;
}

void congkhai_canvas_free(congkhai_canvas *canvas) {
    if (!canvas) return;
    g_object_unref(canvas->pango);
    cairo_destroy(canvas->cairo);
    cairo_surface_destroy(canvas->surface);
    free(canvas);
}

void congkhai_canvas_fill(congkhai_canvas *canvas, int x, int y, int width, int height, uint32_t color) {
    set_color(canvas->cairo, color);
    cairo_rectangle(canvas->cairo, x, y, width, height);
    cairo_fill(canvas->cairo);
}

double congkhai_canvas_text(congkhai_canvas *canvas, const char *text, const char *families, double size,
                            int bold, double letter_spacing, double x, double baseline, uint32_t color) {
    PangoLayout *layout = new_layout(canvas->pango, text, families, size, bold, letter_spacing);
    double top = baseline - (double)pango_layout_get_baseline(layout) / PANGO_SCALE;
    set_color(canvas->cairo, color);
    cairo_move_to(canvas->cairo, x, top);
    pango_cairo_show_layout(canvas->cairo, layout);
    double width = advance(layout);
    g_object_unref(layout);
    return width;
}

double congkhai_text_width(const char *text, const char *families, double size, int bold,
                           double letter_spacing) {
    // One context per thread, kept: measuring happens for every line of every card.
    static __thread PangoContext *measuring = NULL;
    if (!measuring) measuring = new_context();
    PangoLayout *layout = new_layout(measuring, text, families, size, bold, letter_spacing);
    double width = advance(layout);
    g_object_unref(layout);
    return width;
}

const uint32_t *congkhai_canvas_pixels(congkhai_canvas *canvas, int *stride) {
    cairo_surface_flush(canvas->surface);
    *stride = cairo_image_surface_get_stride(canvas->surface) / 4;
    return (const uint32_t *)cairo_image_surface_get_data(canvas->surface);
}

static char versions[160];
static pthread_once_t versions_once = PTHREAD_ONCE_INIT;

static void write_versions(void) {
    snprintf(versions, sizeof versions, "pango %s, cairo %s, libpng %s", pango_version_string(),
             cairo_version_string(), png_get_libpng_ver(NULL));
}

const char *congkhai_canvas_versions(void) {
    pthread_once(&versions_once, write_versions);
    return versions;
}
