import PokinModel

/// Every rule of `pokin check`, in the order `Docs/check-rules.md` lists them. Codes are stable:
/// tools key on them, so a rule is never renamed, only added.
public enum RuleCatalog {
    // MARK: Presence of a node on each stage

    public static let missingInStage = CheckRule(
        "missing-in-stage", .error,
        title: Localized(id: "Node tidak ada di tahap yang seharusnya memuatnya",
                         en: "Node missing from a stage that should show it"),
        hint: Localized(id: "Tambahkan baris node ini di lembar tahap tersebut dengan rumusan yang sama, atau hapus node dari tahap lain bila memang tidak diperlukan.",
                        en: "Add the node's row to that stage's sheet with the same wording, or remove the node from the other stages if it is not needed."))
    public static let missingInCascading = CheckRule(
        "missing-in-cascading", .warning,
        title: Localized(id: "Node tidak ada di matriks cascading", en: "Node missing from the cascading matrix"),
        hint: Localized(id: "Tambahkan kotak node ini di kolom komponen perencanaannya pada lembar cascading.",
                        en: "Add the node's box in its planning-component column of the cascading sheet."))
    public static let extraNode = CheckRule(
        "extra-node", .error,
        title: Localized(id: "Node hanya muncul di tahap akhir, tidak di Tahap 1–3",
                         en: "Node appears only on a later stage, not in Tahap 1–3"),
        hint: Localized(id: "Rumuskan node ini di Tahap 1–3 (pohon dibangun di sana) atau hapus baris tambahannya.",
                        en: "Add the node to Tahap 1–3, where the tree is built, or remove the extra row."))

    // MARK: Structure and levels

    public static let parentDiffers = CheckRule(
        "parent-differs", .error,
        title: Localized(id: "Induk node berbeda antar tahap", en: "Parent differs between stages"),
        hint: Localized(id: "Atur urutan baris dan kata level di tahap ini agar node berada di bawah induk yang sama seperti di Tahap 3.",
                        en: "Reorder the rows or fix the level words on this stage so that the node sits under the same parent as in Tahap 3."))
    public static let levelDiffers = CheckRule(
        "level-differs", .error,
        title: Localized(id: "Level node berbeda antar tahap", en: "Level differs between stages"),
        hint: Localized(id: "Tetapkan satu level, lalu samakan Keterangan Tahap 3, jenis kinerja Tahap 4, komponen perencanaan Tahap 5 dan kolom cascading.",
                        en: "Decide the node's level, then make the Tahap 3 Keterangan, the Tahap 4 class, the Tahap 5 planning component and the cascading column agree."))
    public static let performanceDiffers = CheckRule(
        "performance-differs", .warning,
        title: Localized(id: "Jenis kinerja (Keterangan) berbeda antara Tahap 4 dan Tahap 5",
                         en: "Performance class (Keterangan) differs between Tahap 4 and Tahap 5"),
        hint: Localized(id: "Salin Keterangan jenis kinerja dari Tahap 4 ke Tahap 5 (atau sebaliknya) agar sama.",
                        en: "Copy the performance class from Tahap 4 to Tahap 5 (or the other way round) so that they agree."))
    public static let levelSkipped = CheckRule(
        "level-skipped", .warning,
        title: Localized(id: "Jenjang level terlewati", en: "A level of the ladder is skipped"),
        hint: Localized(id: "Sisipkan kondisi pada level yang terlewati, atau naikkan level node ini.",
                        en: "Insert a condition at the skipped level, or raise this node's level."))
    public static let childOfOperational = CheckRule(
        "child-of-operational", .error,
        title: Localized(id: "Node di bawah kondisi operasional", en: "Node under a kondisi operasional"),
        hint: Localized(id: "Kondisi operasional adalah level terbawah: jadikan induknya kondisi antara, atau pindahkan node ini ke induk lain.",
                        en: "Kondisi operasional is the lowest level: make the parent a kondisi antara, or move this node to another parent."))
    public static let levelNotBelowParent = CheckRule(
        "level-not-below-parent", .error,
        title: Localized(id: "Level node tidak di bawah level induknya", en: "Node's level is not below its parent's"),
        hint: Localized(id: "Perbaiki level node atau induknya: anak berada satu level di bawah induk.",
                        en: "Fix the level of the node or of its parent: a child sits one level below its parent."))
    public static let positionMismatch = CheckRule(
        "position-mismatch", .warning,
        title: Localized(id: "Kinerja jabatan tidak sesuai komponen perencanaan", en: "Job does not fit the planning component"),
        hint: Localized(id: "Sasaran SKPD → JPT, Sasaran Program → Administrator, Sasaran Kegiatan → Pengawas/JF, Sasaran Sub Kegiatan → JF/Pelaksana.",
                        en: "Sasaran SKPD → JPT, Sasaran Program → Administrator, Sasaran Kegiatan → Pengawas/JF, Sasaran Sub Kegiatan → JF/Pelaksana."))
    public static let positionDiffers = CheckRule(
        "position-differs", .info,
        title: Localized(id: "Kinerja jabatan berbeda antara Tahap 5 dan cascading", en: "Job differs between Tahap 5 and the cascading matrix"),
        hint: Localized(id: "Gunakan jabatan yang sama di kolom jabatan Tahap 5 dan di baris jabatan cascading.",
                        en: "Use the same job in the Tahap 5 job column and in the cascading job row."))

    // MARK: Indicators

    public static let noIndicator = CheckRule(
        "no-indicator", .error,
        title: Localized(id: "Node tanpa indikator kinerja", en: "Node without a performance indicator"),
        hint: Localized(id: "Rumuskan minimal satu indikator di Tahap 4; hanya CSF crosscutting yang boleh tanpa indikator.",
                        en: "Write at least one indicator in Tahap 4; only crosscutting CSFs may have none."))
    public static let indicatorMissingInStage = CheckRule(
        "indicator-missing-in-stage", .warning,
        title: Localized(id: "Indikator hilang di salah satu tahap", en: "Indicator missing on one stage"),
        hint: Localized(id: "Salin indikator dari Tahap 4 ke baris node ini.", en: "Copy the indicator from Tahap 4 into this row."))
    public static let indicatorSubjectChanged = CheckRule(
        "indicator-subject-changed", .warning,
        title: Localized(id: "Subjek indikator berubah antar tahap", en: "Indicator's subject changes between stages"),
        hint: Localized(id: "Periksa kesalahan salin-tempel: subjek indikator (mis. Usaha Mikro / Koperasi) harus sama dengan di tahap sebelumnya.",
                        en: "Look for a copy-paste slip: the indicator's subject (e.g. Usaha Mikro / Koperasi) must match the earlier stage."))
    public static let indicatorPartialSubject = CheckRule(
        "indicator-partial-subject", .info,
        title: Localized(id: "Indikator hanya mengukur sebagian subjek kinerja", en: "Indicator measures only part of the node's subject"),
        hint: Localized(id: "Tambahkan indikator untuk subjek yang belum terukur, atau sempitkan rumusan kinerjanya.",
                        en: "Add an indicator for the subject left unmeasured, or narrow the node's wording."))
    public static let duplicateIndicator = CheckRule(
        "duplicate-indicator", .warning,
        title: Localized(id: "Indikator yang sama dipakai beberapa node", en: "Same indicator on several nodes"),
        hint: Localized(id: "Setiap node perlu indikator yang mengukur kinerjanya sendiri; bedakan indikatornya.",
                        en: "Each node needs an indicator of its own performance; make the indicators differ."))
    public static let percentageOnOperational = CheckRule(
        "percentage-on-operational", .info,
        title: Localized(id: "Node operasional diukur dengan persentase", en: "Operational node measured by a percentage"),
        hint: Localized(id: "Kinerja operasional (output) lazimnya diukur dengan jumlah; pertimbangkan indikator jumlah.",
                        en: "Operational performance (an output) is usually measured by a count; consider a count indicator."))
    public static let countOnStrategic = CheckRule(
        "count-on-strategic", .info,
        title: Localized(id: "Node strategis diukur dengan jumlah", en: "Strategic node measured by a count"),
        hint: Localized(id: "Kinerja strategis (outcome) lazimnya diukur dengan persentase, indeks atau nilai; pertimbangkan indikator hasil.",
                        en: "Strategic performance (an outcome) is usually measured by a percentage, an index or a score; consider an outcome indicator."))

    // MARK: Crosscutting

    public static let crosscuttingNoPartner = CheckRule(
        "crosscutting-no-partner", .error,
        title: Localized(id: "CSF crosscutting tanpa mitra", en: "Crosscutting CSF without a partner"),
        hint: Localized(id: "Tuliskan instansi mitranya (mis. \"CROSSCUTTING DINAS PMPTSP\"), atau lengkapi CSF dengan kondisi dan indikator bila dikerjakan sendiri.",
                        en: "Name the partner body (e.g. \"CROSSCUTTING DINAS PMPTSP\"), or give the CSF conditions and indicators if the agency delivers it itself."))
    public static let crosscuttingLost = CheckRule(
        "crosscutting-lost", .warning,
        title: Localized(id: "CSF crosscutting hilang di tahap berikutnya", en: "Crosscutting CSF lost in a later stage"),
        hint: Localized(id: "Cantumkan CSF crosscutting beserta mitranya di tahap tersebut.",
                        en: "List the crosscutting CSF with its partner on that stage too."))

    // MARK: Wording drift

    public static let verbChanged = CheckRule(
        "verb-changed", .warning,
        title: Localized(id: "Kata kerja awal berubah antar tahap", en: "Leading verb changes between stages"),
        hint: Localized(id: "Gunakan kata kerja kondisi yang sama di semua tahap (mis. tetap \"Terlaksananya\").",
                        en: "Use the same condition verb on every stage (e.g. keep \"Terlaksananya\")."))
    public static let textTruncated = CheckRule(
        "text-truncated", .warning,
        title: Localized(id: "Rumusan terpotong", en: "Wording truncated"),
        hint: Localized(id: "Lengkapi teks yang terpotong sesuai rumusan di tahap sebelumnya.",
                        en: "Complete the truncated text from the earlier stage's wording."))
    public static let textTypo = CheckRule(
        "text-typo", .warning,
        title: Localized(id: "Ejaan berbeda antar tahap", en: "Spelling differs between stages"),
        hint: Localized(id: "Samakan ejaannya dengan rumusan di tahap sebelumnya (salin teksnya).",
                        en: "Make the spelling match the earlier stage (copy the text across)."))
    public static let textDiffers = CheckRule(
        "text-differs", .warning,
        title: Localized(id: "Rumusan berubah antar tahap", en: "Wording changes between stages"),
        hint: Localized(id: "Pakai satu rumusan di setiap tahap; bila memang diubah, ubah di semua tahap.",
                        en: "Use one wording on every stage; if it changed, change it everywhere."))
    public static let textCaseDiffers = CheckRule(
        "text-case-differs", .info,
        title: Localized(id: "Huruf besar/kecil berbeda antar tahap", en: "Capitalisation differs between stages"),
        hint: Localized(id: "Samakan penulisan huruf besar/kecilnya (maknanya tidak berubah).",
                        en: "Make the capitalisation match (the meaning is the same)."))
    public static let actionWording = CheckRule(
        "action-wording", .warning,
        title: Localized(id: "Rumusan berupa tindakan, bukan kondisi", en: "Worded as an action, not a condition"),
        hint: Localized(id: "Tulis kinerja sebagai kondisi (mis. \"Meningkatnya …\", bukan \"Meningkatkan …\").",
                        en: "Word the performance as a condition (e.g. \"Meningkatnya …\", not \"Meningkatkan …\")."))

    // MARK: Redundancy

    public static let duplicateNode = CheckRule(
        "duplicate-node", .error,
        title: Localized(id: "Node ganda (redundan)", en: "Duplicate node (redundancy)"),
        hint: Localized(id: "Metode melarang redundansi: gabungkan kedua node, atau bedakan rumusannya.",
                        en: "The method forbids redundancy: merge the two nodes, or make their wording differ."))

    // MARK: Labels and layout

    public static let labelVariants = CheckRule(
        "label-variants", .info,
        title: Localized(id: "Satu nilai ditulis dengan beberapa label", en: "One value written with several labels"),
        hint: Localized(id: "Gunakan satu penulisan untuk setiap nilai dalam satu kolom.",
                        en: "Write each value one way within a column."))
    public static let labelCaseStyle = CheckRule(
        "label-case-style", .info,
        title: Localized(id: "Gaya huruf label dalam satu kolom tidak seragam", en: "Labels of one column mix capitalisation styles"),
        hint: Localized(id: "Tulis semua label dalam kolom itu dengan gaya huruf yang sama.",
                        en: "Write every label of that column in the same capitalisation style."))
    public static let unknownLabel = CheckRule(
        "unknown-label", .warning,
        title: Localized(id: "Label level, komponen perencanaan atau jabatan tidak dikenal",
                         en: "Unknown level, planning-component or job label"),
        hint: Localized(id: "Gunakan kata dari tabel level Permenpan RB 89/2021, atau tambahkan kata instansi ke kosakata mapping (vocabulary).",
                        en: "Use a word of the Permenpan RB 89/2021 level table, or add the agency's word to the mapping's vocabulary."))
    public static let shiftedCell = CheckRule(
        "shifted-cell", .warning,
        title: Localized(id: "Sel bergeser ke kolom lain", en: "Cell shifted to another column"),
        hint: Localized(id: "Pindahkan teks ke kolom yang benar, sejajar dengan baris lain di level yang sama.",
                        en: "Move the text to its proper column, in line with the other rows of the same level."))

    // MARK: Nomenclature (cascading)

    public static let nomenclatureShared = CheckRule(
        "nomenclature-shared", .warning,
        title: Localized(id: "Beberapa node berbagi satu nomenklatur", en: "Several nodes share one nomenclature entry"),
        hint: Localized(id: "Setiap program, kegiatan atau sub kegiatan sebaiknya memetakan satu node; pisahkan kotaknya atau gabungkan node-nya.",
                        en: "Each program, kegiatan or sub kegiatan should map one node; split the box or merge the nodes."))
    public static let nomenclatureNoCode = CheckRule(
        "nomenclature-no-code", .info,
        title: Localized(id: "Nomenklatur tanpa kode", en: "Nomenclature without a code"),
        hint: Localized(id: "Tambahkan kode Kepmendagri (mis. 2.17.05.2.01) di samping nama program, kegiatan dan sub kegiatan.",
                        en: "Add the Kepmendagri code (e.g. 2.17.05.2.01) beside each program, kegiatan and sub kegiatan name."))
    public static let nomenclatureSecondSasaran = CheckRule(
        "nomenclature-second-sasaran", .info,
        title: Localized(id: "Kotak cascading memuat sasaran dan indikator kedua", en: "Cascading box holds a second sasaran and indicator"),
        hint: Localized(id: "Pastikan sasaran dan indikator nomenklatur selaras dengan node pohon, atau cantumkan juga di Tahap 4 dan 5.",
                        en: "Make sure the nomenclature's sasaran and indicator agree with the tree's node, or list them in Tahap 4 and 5 too."))

    // MARK: Agency

    public static let agencyNameMismatch = CheckRule(
        "agency-name-mismatch", .warning,
        title: Localized(id: "Singkatan instansi tidak cocok dengan namanya", en: "Agency acronym does not match its name"),
        hint: Localized(id: "Samakan nama dan singkatan perangkat daerah di semua lembar.",
                        en: "Use the same agency name and acronym on every sheet."))

    /// Every rule, in catalogue order.
    public static let all: [CheckRule] = [
        missingInStage, missingInCascading, extraNode,
        parentDiffers, levelDiffers, performanceDiffers, levelSkipped, childOfOperational, levelNotBelowParent,
        positionMismatch, positionDiffers,
        noIndicator, indicatorMissingInStage, indicatorSubjectChanged, indicatorPartialSubject, duplicateIndicator,
        percentageOnOperational, countOnStrategic,
        crosscuttingNoPartner, crosscuttingLost,
        verbChanged, textTruncated, textTypo, textDiffers, textCaseDiffers, actionWording,
        duplicateNode,
        labelVariants, labelCaseStyle, unknownLabel, shiftedCell,
        nomenclatureShared, nomenclatureNoCode, nomenclatureSecondSasaran,
        agencyNameMismatch,
    ]

    private static let byCode: [String: CheckRule] = Dictionary(uniqueKeysWithValues: all.map { ($0.code, $0) })

    /// The rule with `code`, or nil.
    public static func rule(_ code: String) -> CheckRule? { byCode[code] }

    /// Title and hint shown for an importer's diagnostic whose code is not a rule of the catalogue.
    public static let importNoteTitle = Localized(id: "Catatan saat membaca lembar kerja", en: "Note from reading the workbook")
    public static let importNoteHint = Localized(id: "Periksa sel yang ditunjuk; pesan ini berasal dari pembacaan lembar kerja.",
                                                 en: "Look at the cell named; this note comes from reading the workbook.")
}
