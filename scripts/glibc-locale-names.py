# Writes the month and day names of the C library's locales, as Planet Venus showed them
# through Python 2's time.strftime, for Orrery's strftime (model/LocaleNames, render/Strftime).
#
# Run with Python 2.7 (what Venus ran on) on a glibc system, after compiling the locales:
#   dir=$(mktemp -d)
#   for l in $(python2.7 scripts/glibc-locale-names.py --list); do
#       localedef -i "$l" -f UTF-8 "$dir/$l.UTF-8"; done
#   LOCPATH=$dir python2.7 scripts/glibc-locale-names.py names \
#       > src/main/resources/org/orrery/model/glibc-locale-names.tsv
#   LOCPATH=$dir python2.7 scripts/glibc-locale-names.py reference \
#       > src/test/resources/render/glibc-strftime.tsv
import datetime
import locale
import os
import sys
import time

# "ldd (Debian GLIBC 2.36-9) 2.36" -> "glibc 2.36"
LIBC = "glibc " + os.popen("ldd --version").readline().split()[-1]

# The common European locales, and a few others planets are written in; the language's main
# territory first, so that a bare language ("de") means it.
LOCALES = """
de_DE de_AT de_CH de_BE de_LU fr_FR fr_BE fr_CA fr_CH fr_LU es_ES es_MX es_AR es_CL es_CO
it_IT it_CH nl_NL nl_BE pt_PT pt_BR sv_SE sv_FI fi_FI da_DK nb_NO nn_NO is_IS pl_PL cs_CZ
sk_SK sl_SI hr_HR sr_RS bs_BA hu_HU ro_RO bg_BG el_GR ru_RU uk_UA be_BY et_EE lv_LV lt_LT
ca_ES eu_ES gl_ES ga_IE cy_GB tr_TR en_US en_GB en_AU en_CA en_IE en_NZ en_IN en_ZA
ja_JP zh_CN zh_TW ko_KR he_IL id_ID vi_VN th_TH
""".split()

# 2001-01-07 is a Sunday; then every month, on its 1st, at 09:00 and 21:00.
DAYS = [(2001, 1, 7 + i, h) for i in range(7) for h in (9, 21)]
MONTHS = [(2001, m, 1, 9) for m in range(1, 13)]
PATTERNS = ["%a %A, %d %b %B %Y %I:%M %p"]


def strftime(pattern, when):
    y, mo, d, h = when
    return time.strftime(pattern, datetime.datetime(y, mo, d, h, 30).timetuple())


def names(out):
    out.write("# The C library's month and day names, as Venus's time.strftime showed them: %a %A %b %B %p\n")
    out.write("# Made by scripts/glibc-locale-names.py with %s; do not edit.\n" % LIBC)
    for name in LOCALES:
        locale.setlocale(locale.LC_ALL, name + ".UTF-8")
        rows = [
            ("a", [strftime("%a", (2001, 1, 7 + i, 9)) for i in range(7)]),
            ("A", [strftime("%A", (2001, 1, 7 + i, 9)) for i in range(7)]),
            ("b", [strftime("%b", (2001, m, 1, 9)) for m in range(1, 13)]),
            ("B", [strftime("%B", (2001, m, 1, 9)) for m in range(1, 13)]),
            ("p", [strftime("%p", (2001, 1, 1, 9)), strftime("%p", (2001, 1, 1, 21))]),
        ]
        for directive, values in rows:
            out.write("\t".join([name, directive] + values) + "\n")


def reference(out):
    out.write("# time.strftime in each locale (Python 2.7, %s): locale, pattern, date and hour, output.\n"
              % LIBC)
    out.write("# Made by scripts/glibc-locale-names.py; do not edit.\n")
    for name in LOCALES:
        locale.setlocale(locale.LC_ALL, name + ".UTF-8")
        for pattern in PATTERNS:
            for when in DAYS + MONTHS:
                out.write("\t".join([name, pattern, "%04d-%02d-%02dT%02d:30" % when, strftime(pattern, when)]) + "\n")


if __name__ == "__main__":
    what = sys.argv[1]
    if what == "--list":
        print(" ".join(LOCALES))
    elif what == "names":
        names(sys.stdout)
    else:
        reference(sys.stdout)
