package dev.patterns.thumbnail.image;

/** Packed sRGB pixels (0xAARRGGBB), row by row; {@code alpha} says whether transparency matters. */
record Pixels(int width, int height, int[] argb, boolean alpha) {
}
