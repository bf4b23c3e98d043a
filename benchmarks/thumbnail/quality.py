"""PSNR of each tool's thumbnail against a Lanczos thumbnail of the full decode (orientation applied)."""
import glob, json, math, sys
from PIL import Image, ImageChops, ImageOps, ImageStat

def psnr(a, b):
    diff = ImageChops.difference(a, b)
    mse = sum(v * v for v in ImageStat.Stat(diff).rms) / 3
    return float("inf") if mse == 0 else 20 * math.log10(255 / math.sqrt(mse))

def flatten(image):
    """Transparent images are compared as composited onto white, so alpha counts where it shows."""
    if image.mode in ("RGBA", "LA", "P"):
        image = image.convert("RGBA")
        white = Image.new("RGBA", image.size, (255, 255, 255, 255))
        return Image.alpha_composite(white, image).convert("RGB")
    return image.convert("RGB")

def main(directory, names):
    for name in names:
        reference_full = ImageOps.exif_transpose(Image.open(f"{directory}/{name}"))
        for tool in ("java", "pillow", "sharp"):
            outputs = glob.glob(f"{directory}/out-{tool}-{name}.*")
            if not outputs:
                continue
            out = flatten(Image.open(outputs[0]))
            reference = flatten(reference_full.resize(out.size, Image.Resampling.LANCZOS))
            print(json.dumps({"tool": tool, "image": name, "psnr": round(psnr(out, reference), 2), "size": f"{out.size[0]}x{out.size[1]}"}))

if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2:])
