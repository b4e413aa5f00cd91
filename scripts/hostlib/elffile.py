"""Just enough of a 32-bit little-endian ELF reader to see what a firmware holds: its sections,
its loadable segments and its symbols, with no binutils needed."""

import struct
from collections import namedtuple

from .errors import UserError

Section = namedtuple("Section", "name type flags addr offset size link")
Segment = namedtuple("Segment", "type offset vaddr paddr filesz memsz")
Symbol = namedtuple("Symbol", "name value size type bind shndx")

SHT_SYMTAB = 2
SHT_NOBITS = 8
SHF_WRITE = 0x1
SHF_ALLOC = 0x2
SHF_EXECINSTR = 0x4
PT_LOAD = 1
STT_OBJECT = 1
STB_GLOBAL = 1


class ElfFile:
    def __init__(self, path):
        self.path = path
        with open(path, "rb") as f:
            self.data = f.read()
        if self.data[:4] != b"\x7fELF":
            raise UserError("{} is not an ELF file".format(path))
        if self.data[4:6] != b"\x01\x01":
            raise UserError("{} is not a 32-bit little-endian ELF file".format(path))
        try:
            self._read_headers()
        except struct.error:
            raise UserError("{} is a truncated ELF file".format(path)) from None

    def _read_headers(self):
        (phoff, shoff, _flags, _ehsize, phentsize, phnum, shentsize, shnum,
         shstrndx) = struct.unpack_from("<IIIHHHHHH", self.data, 28)
        raw = [struct.unpack_from("<IIIIIIIIII", self.data, shoff + i * shentsize)
               for i in range(shnum)]
        names = raw[shstrndx][4] if shnum else 0
        self.sections = [Section(self._cstr(names + s[0]), *s[1:7]) for s in raw]
        self.segments = [Segment(*struct.unpack_from("<IIIIII", self.data, phoff + i * phentsize))
                         for i in range(phnum)]

    def _cstr(self, offset):
        return self.data[offset:self.data.index(b"\0", offset)].decode()

    def symbols(self):
        for sec in self.sections:
            if sec.type != SHT_SYMTAB:
                continue
            strtab = self.sections[sec.link].offset
            for off in range(sec.offset, sec.offset + sec.size, 16):
                name, value, size, info, _other, shndx = struct.unpack_from(
                    "<IIIBBH", self.data, off)
                yield Symbol(self._cstr(strtab + name), value, size, info & 0xF, info >> 4,
                             shndx)

    def symbol(self, name):
        for sym in self.symbols():
            if sym.name == name:
                return sym
        return None

    def read(self, addr, size):
        """The bytes the image holds at a (link-time) address."""
        for sec in self.sections:
            if (sec.flags & SHF_ALLOC and sec.type != SHT_NOBITS
                    and sec.addr <= addr and addr + size <= sec.addr + sec.size):
                start = sec.offset + addr - sec.addr
                return self.data[start:start + size]
        raise UserError("{}: no section holds 0x{:08x}".format(self.path, addr))

    def berkeley_sizes(self):
        """text, data, bss as binutils' `size` counts them."""
        text = data = bss = 0
        for sec in self.sections:
            if not sec.flags & SHF_ALLOC:
                continue
            if sec.flags & SHF_EXECINSTR or not sec.flags & SHF_WRITE:
                text += sec.size
            elif sec.type != SHT_NOBITS:
                data += sec.size
            else:
                bss += sec.size
        return text, data, bss

    def flash_segments(self):
        """(load address, size) of what is written to flash: loadable segments with file
        contents, at their physical (load) address."""
        return [(s.paddr, s.filesz) for s in self.segments if s.type == PT_LOAD and s.filesz]
