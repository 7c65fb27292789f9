"""Draws the portal's home-screen icons (public/icon-*.png) from the favicon's shapes: a blue
rounded square with a white "P". Pure Python (zlib PNG), so it runs anywhere; run it again if
favicon.svg changes. `maskable` fills the whole square and keeps the letter inside the safe zone."""
import math, struct, zlib, sys, os

BLUE, WHITE = (0x0B, 0x4F, 0x8A), (0xFF, 0xFF, 0xFF)

def in_letter(x, y):
    """The "P" of favicon.svg, in its 32-unit box."""
    outer = (9 <= x <= 13 and 8 <= y <= 24) or (9 <= x <= 17 and 8 <= y <= 20) or \
            (x >= 17 and (x - 17) ** 2 + (y - 14) ** 2 <= 36)
    hole = (13 <= x <= 17 and 12 <= y <= 16) or (x >= 17 and (x - 17) ** 2 + (y - 14) ** 2 <= 4)
    return outer and not hole

def in_rounded_square(x, y, r=6):
    cx, cy = min(max(x, r), 32 - r), min(max(y, r), 32 - r)
    return 0 <= x <= 32 and 0 <= y <= 32 and (x - cx) ** 2 + (y - cy) ** 2 <= r * r

def draw(size, maskable):
    rows, n = [], 4  # 4x4 samples a pixel
    for py in range(size):
        row = bytearray([0])
        for px in range(size):
            acc = [0, 0, 0, 0]
            for sy in range(n):
                for sx in range(n):
                    u, v = (px + (sx + .5) / n) / size * 32, (py + (sy + .5) / n) / size * 32
                    if maskable:  # letter at 70 % around the centre; background everywhere
                        lu, lv = 16 + (u - 16) / .7, 16 + (v - 16) / .7
                        colour, alpha = (WHITE if in_letter(lu, lv) else BLUE), 1
                    elif in_rounded_square(u, v):
                        colour, alpha = (WHITE if in_letter(u, v) else BLUE), 1
                    else:
                        colour, alpha = BLUE, 0
                    for i in range(3):
                        acc[i] += colour[i] * alpha
                    acc[3] += alpha
            a = acc[3]
            row += bytes([round(acc[0] / a) if a else 0, round(acc[1] / a) if a else 0,
                          round(acc[2] / a) if a else 0, round(255 * a / (n * n))])
        rows.append(bytes(row))
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + \
        chunk(b"IDAT", zlib.compress(b"".join(rows), 9)) + chunk(b"IEND", b"")

if __name__ == "__main__":
    out = sys.argv[1] if len(sys.argv) > 1 else "public"
    for name, size, maskable in [("icon-192.png", 192, False), ("icon-512.png", 512, False),
                                 ("icon-maskable-512.png", 512, True)]:
        with open(os.path.join(out, name), "wb") as f:
            f.write(draw(size, maskable))
