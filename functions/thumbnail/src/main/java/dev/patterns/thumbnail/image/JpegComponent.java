package dev.patterns.thumbnail.image;

/** One colour component of a JPEG frame, with what decoding it needs and produces. */
final class JpegComponent {
    int id;
    int h;
    int v;
    int quantTable;
    Huffman dc;
    Huffman ac;
    int prediction;
    float[][] weights;
    float[] quarterWeights;
    int planeWidth;
    int[] plane;
    int blocksWide; // progressive: the MCU-padded block grid's width
    int[] dcCoefficients; // progressive at 1/8: one per block
    short[] coefficients; // progressive at other scales: 64 per block, in zigzag order
}
