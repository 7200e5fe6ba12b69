import Foundation

/// Flushes a batch's outputs to disk in one call at the end of the batch.
///
/// Each output is written under a temporary name and renamed when complete, so a killed batch
/// never leaves a partial file under an output's name whether or not it was flushed. What the
/// flush adds is durability against a machine crash: once the report is written, the outputs
/// are on disk. (After a crash before that point, `--resume` reads each output back and redoes
/// any that is not complete.)
enum OutputFlush {
    static func flush(folder: String) {
        // syncfs(2) flushes only the file system holding the outputs; Swift's Glibc module does
        // not declare it, so it is looked up in the C library (sync(2), every file system, if not).
        let descriptor = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0, let syncfs = syncFileSystem else {
            if descriptor >= 0 { close(descriptor) }
            sync()
            return
        }
        if syncfs(descriptor) != 0 { sync() }
        close(descriptor)
    }

    private typealias SyncFileSystem = @convention(c) (Int32) -> Int32

    private static let syncFileSystem: SyncFileSystem? = dlsym(nil, "syncfs").map {
        unsafeBitCast($0, to: SyncFileSystem.self)
    }
}
