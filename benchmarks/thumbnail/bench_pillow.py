"""Pillow's thumbnail(): draft-mode JPEG decode, then resize; median ms per image in a warm process."""
import io, json, statistics, sys, time
from PIL import Image, ImageOps

def thumbnail(data, edge, quality):
    image = Image.open(io.BytesIO(data))
    image.thumbnail((edge, edge))
    image = ImageOps.exif_transpose(image)
    out = io.BytesIO()
    if image.mode in ("RGBA", "LA", "P"):
        image.save(out, "PNG")
    else:
        image.convert("RGB").save(out, "JPEG", quality=quality)
    return out.getvalue()

def main(directory, names, iterations, edge=256, quality=85):
    for name in names:
        data = open(f"{directory}/{name}", "rb").read()
        for _ in range(3):
            result = thumbnail(data, edge, quality)
        times = []
        for _ in range(iterations):
            start = time.perf_counter()
            result = thumbnail(data, edge, quality)
            times.append((time.perf_counter() - start) * 1000)
        extension = "png" if result[:4] == b"\x89PNG" else "jpg"
        open(f"{directory}/out-pillow-{name}.{extension}", "wb").write(result)
        print(json.dumps({"tool": "pillow", "image": name, "medianMs": statistics.median(times)}))

if __name__ == "__main__":
    main(sys.argv[1], sys.argv[3:], int(sys.argv[2]))
