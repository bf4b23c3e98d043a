"""Deterministic photo-like test images: smooth gradients, texture noise and hard edges."""
import sys
from PIL import Image, ImageDraw, ImageFilter

def photo(width, height, seed):
    base = Image.merge("RGB", [
        Image.linear_gradient("L").resize((width, height)),
        Image.linear_gradient("L").rotate(90).resize((width, height)),
        Image.radial_gradient("L").resize((width, height)),
    ])
    noise = Image.effect_noise((width, height), 40 + seed).convert("RGB")
    image = Image.blend(base, noise, 0.18).filter(ImageFilter.GaussianBlur(1.2))
    draw = ImageDraw.Draw(image)
    step = max(width, height) // 12
    for i in range(12):
        x, y = (i * 7919 * (seed + 1)) % width, (i * 104729) % height
        draw.rectangle([x, y, x + step, y + step // 2], outline=(250, 250, 250), width=max(2, step // 60))
        draw.ellipse([y % width, x % height, y % width + step, x % height + step], fill=((i * 40) % 255, 90, 200 - i * 10))
    return image

def main(out):
    for name, (w, h) in {"photo-2mp": (1732, 1155), "photo-12mp": (4000, 3000), "photo-24mp": (6000, 4000)}.items():
        photo(w, h, len(name)).save(f"{out}/{name}.jpg", quality=90)
    progressive(out)
    rotated = photo(4000, 3000, 5)
    exif = rotated.getexif()
    exif[0x0112] = 6
    rotated.save(f"{out}/photo-12mp-orientation-6.jpg", quality=90, exif=exif.tobytes())
    alpha = photo(2309, 1732, 3).convert("RGBA")
    mask = Image.radial_gradient("L").resize(alpha.size)
    alpha.putalpha(Image.eval(mask, lambda v: 255 - v))
    alpha.save(f"{out}/alpha-4mp.png")

def progressive(out):
    """The 12 MP photo as many web tools save it: progressive (libjpeg's standard scan script)."""
    photo(4000, 3000, len("photo-12mp")).save(f"{out}/photo-12mp-progressive.jpg", quality=90, progressive=True)

if __name__ == "__main__":
    (progressive if sys.argv[2:] == ["progressive"] else main)(sys.argv[1])
