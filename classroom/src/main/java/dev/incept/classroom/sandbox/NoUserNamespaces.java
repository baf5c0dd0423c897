package dev.incept.classroom.sandbox;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A seccomp filter, as bubblewrap's {@code --seccomp FD} takes it, that refuses a new user
 * namespace: {@code unshare} and {@code clone} with CLONE_NEWUSER fail with EPERM, and
 * {@code clone3}, whose flags a filter cannot read, with ENOSYS, so that the C library falls back
 * to {@code clone} (as Flatpak's filter does). System calls of another architecture's ABI (i386
 * or x32 on x86_64) are refused whole, since their numbers differ. A user namespace is where most
 * local privilege escalations start, and bubblewrap's own {@code --disable-userns} needs a user
 * namespace of its own, which grading as root does not make.
 *
 * <p>Written as classic BPF by hand: thirteen instructions, where libseccomp would need a native
 * library or Python binding on the grading machine for this one rule.
 */
final class NoUserNamespaces {
    private static final int LD_W_ABS = 0x20;
    private static final int JEQ = 0x15;
    private static final int JGE = 0x35;
    private static final int JSET = 0x45;
    private static final int RET = 0x06;
    private static final int ALLOW = 0x7fff0000;
    private static final int ERRNO = 0x00050000;
    private static final int EPERM = 1;
    private static final int ENOSYS = 38;
    private static final int CLONE_NEWUSER = 0x10000000;
    private static final int X32_BIT = 0x40000000;

    /** The system call numbers this filter looks at, on one architecture. */
    private record Arch(int audit, int unshare, int cloneCall, int clone3) {
    }

    private NoUserNamespaces() {
    }

    private static Arch arch() {
        return switch (System.getProperty("os.arch")) {
            case "amd64", "x86_64" -> new Arch(0xC000003E, 272, 56, 435);
            case "aarch64" -> new Arch(0xC00000B7, 97, 220, 435);
            default -> throw new SandboxException("grading's sandbox refuses user namespaces with a filter written for x86_64 and aarch64, not "
                    + System.getProperty("os.arch"));
        };
    }

    /** The filter program, as the kernel reads {@code struct sock_filter[]}. */
    static byte[] program() {
        Arch a = arch();
        ByteBuffer b = ByteBuffer.allocate(13 * 8).order(ByteOrder.LITTLE_ENDIAN);
        op(b, LD_W_ABS, 0, 0, 4);                 // 0: the architecture
        op(b, JEQ, 1, 0, a.audit());              // 1: native: on to 3
        op(b, RET, 0, 0, ERRNO | EPERM);          // 2: another ABI
        op(b, LD_W_ABS, 0, 0, 0);                 // 3: the system call number
        op(b, JGE, 6, 0, X32_BIT);                // 4: x32: refuse (11)
        op(b, JEQ, 2, 0, a.unshare());            // 5: unshare: its flags (8)
        op(b, JEQ, 1, 0, a.cloneCall());              // 6: clone: its flags (8)
        op(b, JEQ, 4, 2, a.clone3());             // 7: clone3: ENOSYS (12); anything else: allow (10)
        op(b, LD_W_ABS, 0, 0, 16);                // 8: the low half of the first argument, the flags
        op(b, JSET, 1, 0, CLONE_NEWUSER);         // 9: a new user namespace: refuse (11)
        op(b, RET, 0, 0, ALLOW);                  // 10
        op(b, RET, 0, 0, ERRNO | EPERM);          // 11
        op(b, RET, 0, 0, ERRNO | ENOSYS);         // 12
        return b.array();
    }

    private static void op(ByteBuffer b, int code, int jt, int jf, int k) {
        b.putShort((short) code).put((byte) jt).put((byte) jf).putInt(k);
    }

    private static Path file;

    /** The program in a file of its own, written once per process, for bubblewrap to read. */
    static synchronized Path file() {
        if (file == null) {
            try {
                Path f = Files.createTempFile("incept-seccomp-", ".bpf");
                f.toFile().deleteOnExit();
                Files.write(f, program());
                file = f;
            } catch (IOException e) {
                throw new SandboxException("cannot write the sandbox's seccomp filter: " + e.getMessage());
            }
        }
        return file;
    }
}
