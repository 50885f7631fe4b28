/**
 * A structural check of a compound file (the container of an Outlook .msg) before msgreader reads
 * it. msgreader follows sector chains and the directory tree without a bound: a chain that loops,
 * a directory entry that is its own sibling or a stream larger than the file makes it allocate
 * until the process dies (a .msg with a few bytes inserted in its header was enough). Here every
 * chain is walked once with a bound and a visited set, every directory link checked, and every
 * stream's size held against the sectors its chain really has; anything else is "damaged".
 */
const END_OF_CHAIN = 0xfffffffe;
const FREE = 0xffffffff;
const NO_STREAM = 0xffffffff;
const HEADER = 512;
const DIRECTORY_ENTRY = 128;
const STORAGE = 1;
const STREAM = 2;
const ROOT = 5;

/** True when msgreader can walk the file without looping or allocating beyond its size. */
export function isSoundCompoundFile(bytes: Buffer): boolean {
  try {
    return check(bytes);
  } catch {
    return false;
  }
}

function check(bytes: Buffer): boolean {
  if (bytes.length < HEADER) return false;
  const sectorShift = bytes.readUInt16LE(0x1e);
  if (sectorShift !== 9 && sectorShift !== 12) return false;
  if (bytes.readUInt16LE(0x20) !== 6) return false;
  const sectorSize = 1 << sectorShift;
  const sectorCount = Math.floor((bytes.length - HEADER) / sectorSize);
  const sectorAt = (id: number) => HEADER + id * sectorSize;
  const miniCutoff = bytes.readUInt32LE(0x38);
  if (miniCutoff !== 4096) return false;

  // The FAT's own sectors: 109 in the header, the rest in the DIFAT chain.
  const fatSectorCount = bytes.readUInt32LE(0x2c);
  if (fatSectorCount > sectorCount) return false;
  const fatSectors: number[] = [];
  for (let i = 0; i < 109 && fatSectors.length < fatSectorCount; i++) fatSectors.push(bytes.readUInt32LE(0x4c + i * 4));
  let difat = bytes.readUInt32LE(0x44);
  const difatSeen = new Set<number>();
  const perDifat = sectorSize / 4 - 1;
  while (fatSectors.length < fatSectorCount) {
    if (difat >= sectorCount || difatSeen.has(difat)) return false;
    difatSeen.add(difat);
    for (let i = 0; i < perDifat && fatSectors.length < fatSectorCount; i++) fatSectors.push(bytes.readUInt32LE(sectorAt(difat) + i * 4));
    difat = bytes.readUInt32LE(sectorAt(difat) + perDifat * 4);
  }
  if (fatSectors.some((s) => s >= sectorCount)) return false;
  const fat: number[] = [];
  for (const s of fatSectors) for (let i = 0; i < sectorSize / 4; i++) fat.push(bytes.readUInt32LE(sectorAt(s) + i * 4));

  const directorySectors = chain(fat, bytes.readUInt32LE(0x30), sectorCount);
  if (!directorySectors || directorySectors.length === 0) return false;
  const entries: { type: number; left: number; right: number; child: number; start: number; size: number }[] = [];
  for (const s of directorySectors) {
    for (let at = sectorAt(s); at < sectorAt(s) + sectorSize; at += DIRECTORY_ENTRY) {
      entries.push({
        type: bytes.readUInt8(at + 0x42),
        left: bytes.readUInt32LE(at + 0x44),
        right: bytes.readUInt32LE(at + 0x48),
        child: bytes.readUInt32LE(at + 0x4c),
        start: bytes.readUInt32LE(at + 0x74),
        size: bytes.readUInt32LE(at + 0x78),
      });
    }
  }
  const root = entries[0];
  if (root?.type !== ROOT) return false;
  if (!treeIsSound(entries)) return false;

  const miniStream = root.size === 0 ? [] : chain(fat, root.start, sectorCount);
  if (!miniStream || miniStream.length * sectorSize < root.size) return false;
  const miniFatSectors = bytes.readUInt32LE(0x40) === 0 ? [] : chain(fat, bytes.readUInt32LE(0x3c), sectorCount);
  if (!miniFatSectors) return false;
  const miniFat: number[] = [];
  for (const s of miniFatSectors) for (let i = 0; i < sectorSize / 4; i++) miniFat.push(bytes.readUInt32LE(sectorAt(s) + i * 4));
  const miniSectorCount = Math.floor(root.size / 64);

  for (const entry of entries) {
    if (entry.type !== STREAM || entry.size === 0) continue;
    if (entry.size < miniCutoff) {
      const sectors = chain(miniFat, entry.start, miniSectorCount);
      if (!sectors || sectors.length * 64 < entry.size) return false;
    } else {
      const sectors = chain(fat, entry.start, sectorCount);
      if (!sectors || sectors.length * sectorSize < entry.size) return false;
    }
  }
  return true;
}

/** The sectors of a chain, or null when it leaves the table, meets a free sector or loops. */
function chain(table: readonly number[], start: number, limit: number): number[] | null {
  const sectors: number[] = [];
  const seen = new Set<number>();
  let next = start;
  while (next !== END_OF_CHAIN) {
    if (next >= limit || next >= table.length || next === FREE || seen.has(next)) return null;
    seen.add(next);
    sectors.push(next);
    next = table[next] ?? FREE;
  }
  return sectors;
}

/** Every link points at an entry, and each entry is reached once from the root: no loops, no sharing. */
function treeIsSound(entries: readonly { type: number; left: number; right: number; child: number }[]): boolean {
  const reached = new Set<number>([0]);
  const todo: number[] = [entries[0]?.child ?? NO_STREAM];
  while (todo.length > 0) {
    const index = todo.pop() ?? NO_STREAM;
    if (index === NO_STREAM) continue;
    const entry = entries[index];
    if (!entry || reached.has(index) || (entry.type !== STORAGE && entry.type !== STREAM)) return false;
    reached.add(index);
    todo.push(entry.left, entry.right);
    if (entry.type === STORAGE) todo.push(entry.child);
    else if (entry.child !== NO_STREAM) return false;
  }
  return true;
}
