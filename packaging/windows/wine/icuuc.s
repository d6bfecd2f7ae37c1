# A stand-in for Windows' icuuc.dll, which Wine 8 lacks and Qt 6's Core library imports.
# For the Wine prefix that builds and tests the Windows bundle only: never in the bundle.
# Qt opens an ICU converter only for legacy encodings (QStringConverter); here every
# open fails cleanly (U_FILE_ACCESS_ERROR), so Qt falls back to its own codecs, and the
# functions that need an open converter are never reached (they return 0).
        .intel_syntax noprefix
        .text

# UConverter *ucnv_open(const char *name, UErrorCode *err)
        .globl ucnv_open
ucnv_open:
        test rdx, rdx
        jz 1f
        mov dword ptr [rdx], 4
1:      xor eax, eax
        ret

# const char *ucnv_getStandardName(const char *name, const char *standard, UErrorCode *err)
        .globl ucnv_getStandardName
ucnv_getStandardName:
        test r8, r8
        jz 1f
        mov dword ptr [r8], 4
1:      xor eax, eax
        ret

# No converters: ucnv_countAvailable() is 0, ucnv_getAvailableName(n) is NULL, and the
# rest (which take a converter that can never have been opened) do nothing.
        .globl ucnv_none
ucnv_none:
        xor eax, eax
        ret
