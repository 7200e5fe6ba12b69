import PokinMapping
import PokinModel

/// The Indonesian text of the template's "Petunjuk" sheet.
enum TemplateInstructions {
    static let sections: [(String, [String])] = [
        ("Tentang templat ini", [
            "Templat ini memuat Pohon Kinerja perangkat daerah menurut lima tahap Permenpan RB Nomor 89 Tahun 2021: satu lembar untuk setiap tahap, ditambah lembar Cascading. Templat dibuat oleh pokin dan dapat dibaca kembali oleh pokin tanpa kehilangan isi.",
            "Setiap kinerja (outcome, CSF, kondisi) mempunyai Kode yang sama di semua lembar. Kode itulah yang menghubungkan baris Tahap 3, Tahap 4 dan Tahap 5 yang membicarakan kinerja yang sama. Jangan mengubah Kode yang sudah ada; untuk kinerja baru, buat Kode baru yang belum dipakai.",
        ]),
        ("Tahap 1 — Outcome", [
            "Tuliskan outcome perangkat daerah, satu baris untuk setiap outcome, dirumuskan dari mandat, permasalahan, dan harapan masyarakat serta pemangku kepentingan.",
        ]),
        ("Tahap 2 — CSF", [
            "Tuliskan faktor kunci keberhasilan (CSF) dalam bahasa kondisi (misalnya \"Meningkatnya …\"). Kolom Kode Induk diisi Kode outcome yang didukungnya. CSF yang tidak dapat diwujudkan sendiri ditandai dengan mengisi kolom Crosscutting dengan nama instansi mitranya (satu mitra per baris di dalam sel).",
        ]),
        ("Tahap 3 — Kondisi", [
            "Uraikan setiap CSF menjadi kondisi antara utama, kondisi antara, dan kondisi operasional. Isi Kode Induk dengan Kode kinerja di atasnya dan pilih Level dari daftar. Jangan melompati level dan jangan menaruh kondisi di bawah kondisi operasional.",
        ]),
        ("Tahap 4 — Indikator Kinerja", [
            "Isi Indikator Kinerja untuk setiap kinerja; bila lebih dari satu, tulis satu indikator per baris di dalam sel (Alt+Enter). Pilih Jenis Kinerja dari daftar: strategis SKPD untuk outcome, strategis untuk CSF, taktikal intermediate untuk kondisi antara utama, taktikal immediate untuk kondisi antara, operasional untuk kondisi operasional.",
        ]),
        ("Tahap 5 — Komponen Perencanaan dan Kinerja Jabatan", [
            "Pilih Komponen Perencanaan (Tujuan SKPD, Sasaran SKPD, Sasaran Program, Sasaran Kegiatan, Sasaran Sub Kegiatan) dan Kinerja Jabatan (PK JPT, PK Administrator, PK Pengawas, PK/SKP JF, SKP Pelaksana). Bila sudah ada, tuliskan nama dan kode Program / Kegiatan / Sub Kegiatan menurut nomenklatur Kepmendagri; tulislah kode sebagai teks agar angka nol di belakang tidak hilang.",
        ]),
        ("Cascading", [
            "Lembar Cascading disusun otomatis dari lembar Tahap 1–5: satu kolom untuk setiap komponen perencanaan, dan sel induk digabungkan di atas turunannya. Perubahan sebaiknya dilakukan pada lembar Tahap, bukan pada lembar ini.",
        ]),
        ("Memeriksa isian", [
            "Setelah diisi, jalankan \"pokin check\" pada berkas ini untuk menemukan ketidaksesuaian antar-tahap, lengkap dengan alamat selnya.",
        ]),
    ]

    static func colourMeaning(_ level: Level) -> String {
        switch level {
        case .outcome: return "kinerja strategis SKPD (tujuan)"
        case .csf: return "kinerja strategis (sasaran SKPD)"
        case .kondisiAntaraUtama: return "kinerja taktikal intermediate (sasaran program)"
        case .kondisiAntara: return "kinerja taktikal immediate (sasaran kegiatan)"
        case .kondisiOperasional: return "kinerja operasional (sasaran sub kegiatan)"
        }
    }
}
