/// The names in the directory of an OLE2 / Compound File Binary container ([MS-CFB]): the
/// container of both password-protected OOXML workbooks (streams `EncryptionInfo` and
/// `EncryptedPackage`) and legacy Excel 97–2003 workbooks (stream `Workbook`, or `Book` for
/// Excel 5/95).
///
/// Only the header, the FAT and the directory chain are read, with every chain bounded, so a
/// damaged container gives nil rather than a crash or a loop.
enum CompoundFileDirectory {
    static let signature: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]

    private static let endOfChain: UInt32 = 0xFFFF_FFFE
    private static let maxRegularSector: UInt32 = 0xFFFF_FFFA

    /// The stream and storage names of the container, or nil when it cannot be read.
    static func entryNames(of bytes: [UInt8]) -> [String]? {
        guard bytes.count >= 512, Array(bytes[0..<8]) == signature else { return nil }
        let sectorShift = Int(readUInt16(bytes, 0x1E))
        guard sectorShift == 9 || sectorShift == 12 else { return nil }
        let sectorSize = 1 << sectorShift
        let sectorCount = (bytes.count - sectorSize) / sectorSize + 1
        func sectorOffset(_ sector: UInt32) -> Int? {
            guard sector <= maxRegularSector else { return nil }
            let offset = (Int(sector) + 1) << sectorShift
            return offset + sectorSize <= bytes.count ? offset : nil
        }

        // FAT sector numbers: 109 in the header, then the DIFAT chain.
        var fatSectors: [UInt32] = []
        for index in 0..<109 {
            let sector = readUInt32(bytes, 0x4C + index * 4)
            if sector <= maxRegularSector { fatSectors.append(sector) }
        }
        var difatSector = readUInt32(bytes, 0x44)
        var guardCount = 0
        while difatSector <= maxRegularSector, guardCount < sectorCount, let offset = sectorOffset(difatSector) {
            let perSector = sectorSize / 4 - 1
            for index in 0..<perSector {
                let sector = readUInt32(bytes, offset + index * 4)
                if sector <= maxRegularSector { fatSectors.append(sector) }
            }
            difatSector = readUInt32(bytes, offset + perSector * 4)
            guardCount += 1
        }

        func nextSector(_ sector: UInt32) -> UInt32? {
            let perSector = sectorSize / 4
            let fatIndex = Int(sector) / perSector
            guard fatIndex < fatSectors.count, let offset = sectorOffset(fatSectors[fatIndex]) else { return nil }
            return readUInt32(bytes, offset + (Int(sector) % perSector) * 4)
        }

        var names: [String] = []
        var sector = readUInt32(bytes, 0x30)
        var visited = 0
        while sector != endOfChain, visited < sectorCount {
            guard let offset = sectorOffset(sector) else { return names.isEmpty ? nil : names }
            for entry in stride(from: offset, to: offset + sectorSize, by: 128) {
                let type = bytes[entry + 0x42]
                guard type == 1 || type == 2 || type == 5 else { continue }
                let length = min(Int(readUInt16(bytes, entry + 0x40)), 64)
                guard length >= 2 else { continue }
                var units: [UInt16] = []
                for position in stride(from: entry, to: entry + length - 2, by: 2) {
                    units.append(readUInt16(bytes, position))
                }
                names.append(String(decoding: units, as: UTF16.self))
            }
            guard let next = nextSector(sector) else { break }
            sector = next
            visited += 1
        }
        return names
    }

    private static func readUInt16(_ bytes: [UInt8], _ offset: Int) -> UInt16 {
        UInt16(bytes[offset]) | UInt16(bytes[offset + 1]) << 8
    }

    private static func readUInt32(_ bytes: [UInt8], _ offset: Int) -> UInt32 {
        UInt32(bytes[offset]) | UInt32(bytes[offset + 1]) << 8 | UInt32(bytes[offset + 2]) << 16 | UInt32(bytes[offset + 3]) << 24
    }
}
