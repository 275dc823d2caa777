# go-style board playouts: random games on a 9x9 board with captures,
# suicide and eye rules, group flood fills and area scoring (the inner loop
# of a Monte Carlo Go player).
import random

SIZE = 9
EMPTY, BLACK, WHITE = 0, 1, 2


def neighbours_table():
    table = []
    for p in range(SIZE * SIZE):
        x, y = p % SIZE, p // SIZE
        ns = []
        if x > 0:
            ns.append(p - 1)
        if x < SIZE - 1:
            ns.append(p + 1)
        if y > 0:
            ns.append(p - SIZE)
        if y < SIZE - 1:
            ns.append(p + SIZE)
        table.append(ns)
    return table


NEIGHBOURS = neighbours_table()


class Board:
    def __init__(self):
        self.cells = [EMPTY] * (SIZE * SIZE)
        self.captures = {BLACK: 0, WHITE: 0}

    def group(self, p):
        colour = self.cells[p]
        stones, liberties = {p}, set()
        todo = [p]
        while todo:
            q = todo.pop()
            for n in NEIGHBOURS[q]:
                c = self.cells[n]
                if c == EMPTY:
                    liberties.add(n)
                elif c == colour and n not in stones:
                    stones.add(n)
                    todo.append(n)
        return stones, liberties

    def is_eye(self, p, colour):
        return all(self.cells[n] == colour for n in NEIGHBOURS[p])

    def legal(self, p, colour):
        if self.cells[p] != EMPTY or self.is_eye(p, colour):
            return False
        self.cells[p] = colour
        other = BLACK + WHITE - colour
        ok = False
        for n in NEIGHBOURS[p]:
            if self.cells[n] == EMPTY:
                ok = True
            elif self.cells[n] == other and not self.group(n)[1]:
                ok = True
        if not ok:
            ok = bool(self.group(p)[1])
        self.cells[p] = EMPTY
        return ok

    def play(self, p, colour):
        self.cells[p] = colour
        other = BLACK + WHITE - colour
        for n in NEIGHBOURS[p]:
            if self.cells[n] == other:
                stones, libs = self.group(n)
                if not libs:
                    for s in stones:
                        self.cells[s] = EMPTY
                    self.captures[colour] += len(stones)

    def score(self):
        black = white = 0
        for p, c in enumerate(self.cells):
            if c == BLACK:
                black += 1
            elif c == WHITE:
                white += 1
            else:
                owners = {self.cells[n] for n in NEIGHBOURS[p]} - {EMPTY}
                if owners == {BLACK}:
                    black += 1
                elif owners == {WHITE}:
                    white += 1
        return black, white


def playout(rng):
    board = Board()
    colour = BLACK
    passes = 0
    moves = 0
    while passes < 2 and moves < 400:
        candidates = [p for p in range(SIZE * SIZE) if board.cells[p] == EMPTY]
        rng.shuffle(candidates)
        for p in candidates:
            if board.legal(p, colour):
                board.play(p, colour)
                passes = 0
                break
        else:
            passes += 1
        moves += 1
        colour = BLACK + WHITE - colour
    return board.score(), moves, board.captures[BLACK] + board.captures[WHITE]


rng = random.Random(2024)
wins = 0
total_moves = 0
total_captures = 0
for game in range(20):
    (b, w), moves, caps = playout(rng)
    wins += b > w
    total_moves += moves
    total_captures += caps
print("go", wins, total_moves, total_captures)
