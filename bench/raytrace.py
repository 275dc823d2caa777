# raytrace: a small ray tracer: vector classes with operator overloading,
# spheres and a plane, diffuse and specular lighting, reflections.
import math


class Vec:
    __slots__ = ("x", "y", "z")

    def __init__(self, x, y, z):
        self.x, self.y, self.z = x, y, z

    def __add__(self, o):
        return Vec(self.x + o.x, self.y + o.y, self.z + o.z)

    def __sub__(self, o):
        return Vec(self.x - o.x, self.y - o.y, self.z - o.z)

    def __mul__(self, k):
        return Vec(self.x * k, self.y * k, self.z * k)

    __rmul__ = __mul__

    def dot(self, o):
        return self.x * o.x + self.y * o.y + self.z * o.z

    def norm(self):
        return self * (1.0 / math.sqrt(self.dot(self)))


class Sphere:
    def __init__(self, center, radius, color, reflect):
        self.center, self.radius, self.color, self.reflect = center, radius, color, reflect

    def intersect(self, origin, direction):
        oc = origin - self.center
        b = oc.dot(direction)
        c = oc.dot(oc) - self.radius * self.radius
        disc = b * b - c
        if disc < 0:
            return None
        s = math.sqrt(disc)
        t = -b - s
        if t > 1e-6:
            return t
        t = -b + s
        return t if t > 1e-6 else None

    def normal(self, p):
        return (p - self.center).norm()


class Plane:
    def __init__(self, y, color, reflect):
        self.y, self.color, self.reflect = y, color, reflect

    def intersect(self, origin, direction):
        if abs(direction.y) < 1e-9:
            return None
        t = (self.y - origin.y) / direction.y
        return t if t > 1e-6 else None

    def normal(self, p):
        return Vec(0.0, 1.0, 0.0)


SCENE = [Sphere(Vec(0.0, 1.0, 5.0), 1.0, Vec(0.9, 0.2, 0.2), 0.3),
         Sphere(Vec(-2.0, 0.7, 6.0), 0.7, Vec(0.2, 0.9, 0.2), 0.2),
         Sphere(Vec(2.0, 1.2, 7.0), 1.2, Vec(0.2, 0.2, 0.9), 0.5),
         Plane(0.0, Vec(0.8, 0.8, 0.8), 0.1)]
LIGHT = Vec(-5.0, 10.0, -3.0)


def trace(origin, direction, depth):
    best, hit = None, None
    for obj in SCENE:
        t = obj.intersect(origin, direction)
        if t is not None and (best is None or t < best):
            best, hit = t, obj
    if hit is None:
        return Vec(0.1, 0.1, 0.15)
    p = origin + direction * best
    n = hit.normal(p)
    to_light = (LIGHT - p).norm()
    shadow = any(o.intersect(p, to_light) is not None for o in SCENE if o is not hit)
    diffuse = 0.0 if shadow else max(0.0, n.dot(to_light))
    color = hit.color * (0.1 + 0.9 * diffuse)
    if depth < 3 and hit.reflect > 0:
        r = direction - n * (2 * direction.dot(n))
        color = color * (1 - hit.reflect) + trace(p, r.norm(), depth + 1) * hit.reflect
    return color


def render(w, h):
    eye = Vec(0.0, 1.5, -1.0)
    total = 0
    rows = []
    for j in range(h):
        row = []
        for i in range(w):
            d = Vec((i - w / 2) / w, (h / 2 - j) / h, 1.0).norm()
            c = trace(eye, d, 0)
            v = int(min(1.0, c.x) * 255) * 65536 + int(min(1.0, c.y) * 255) * 256 + int(min(1.0, c.z) * 255)
            row.append(v)
            total = (total * 7 + v) % 1000000007
        rows.append(row)
    return total


print("raytrace", render(240, 180))
