# A stand-in for Windows' bcryptprimitives.dll, which Wine 8 lacks and Rust's standard
# library (pydantic_core) imports for ProcessPrng. For the Wine prefix that builds and
# tests the Windows bundle only: never in the bundle. The bytes come from Wine's
# RtlGenRandom (advapi32!SystemFunction036), as on Windows before ProcessPrng existed.
        .intel_syntax noprefix
        .text

# BOOL ProcessPrng(PBYTE data, SIZE_T size): always TRUE, as documented
        .globl ProcessPrng
ProcessPrng:
        sub rsp, 40
        call qword ptr [rip + __imp_SystemFunction036]
        mov eax, 1
        add rsp, 40
        ret
