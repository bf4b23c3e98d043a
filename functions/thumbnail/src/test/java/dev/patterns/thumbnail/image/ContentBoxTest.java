package dev.patterns.thumbnail.image;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ContentBoxTest {

    private static final int WIDTH = 3;
    private static final int HEIGHT = 5;

    /**
     * A 3 x 5 reduced decode whose picture covers 2.25 x 3.75 of it: the pixels whose centres lie
     * in the box are the picture, and after every orientation the box must hold exactly the
     * pixels Orientation moved those to.
     */
    @ParameterizedTest(name = "orientation {0}")
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8})
    void boxTurnsWithThePixelsOfEveryOrientation(int orientation) {
        ContentBox box = new ContentBox(0, 0, 2.25, 3.75);
        int[] marks = new int[WIDTH * HEIGHT];
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                marks[y * WIDTH + x] = inside(box, x, y) ? 1 : 0;
            }
        }

        Pixels turned = Orientation.apply(new Pixels(WIDTH, HEIGHT, marks, false), orientation);
        ContentBox turnedBox = box.oriented(orientation, WIDTH, HEIGHT);

        for (int y = 0; y < turned.height(); y++) {
            for (int x = 0; x < turned.width(); x++) {
                assertThat(inside(turnedBox, x, y)).as("pixel %d,%d after orientation %d", x, y, orientation)
                        .isEqualTo(turned.argb()[y * turned.width() + x] == 1);
            }
        }
    }

    private static boolean inside(ContentBox box, int x, int y) {
        return x + 0.5 > box.x0() && x + 0.5 < box.x1() && y + 0.5 > box.y0() && y + 0.5 < box.y1();
    }
}
