/* A stand-in for Windows' bcryptprimitives.dll, for running the Windows build under Wine 8 in CI only.
 *
 * Rust's standard library on Windows takes its random numbers (the seeds of HashMap) from ProcessPrng in
 * bcryptprimitives.dll, which Windows 10 and 11 have and Debian's Wine 8 lacks: there the .exe does not start
 * at all. scripts/wine-prefix.sh compiles this file with mingw-w64 into the Wine prefix that the tests use;
 * nothing of it goes into the binary or the archives that users get. ProcessPrng is answered with Wine's
 * RtlGenRandom (advapi32's SystemFunction036), which Windows' own ProcessPrng also amounts to. */
#include <windows.h>
#include <ntsecapi.h>

BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T len) {
    while (len > 0) {
        ULONG chunk = len > 0x40000000 ? 0x40000000 : (ULONG)len;
        if (!RtlGenRandom(data, chunk)) return FALSE;
        data += chunk;
        len -= chunk;
    }
    return TRUE;
}
