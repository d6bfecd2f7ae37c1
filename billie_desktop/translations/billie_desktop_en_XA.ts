<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_XA" sourcelanguage="en_AU">
<context>
    <name>AccountResults</name>
    <message>
        <source>Matching user accounts</source>
        <translation>⟦Måţçĥîñĝ ûšéŕ åççöûñţš~~~~~~~⟧</translation>
    </message>
    <message>
        <source>same email</source>
        <translation>⟦šåmé émåîļ~~~⟧</translation>
    </message>
    <message>
        <source>linked to another customer</source>
        <translation>⟦ļîñķéđ ţö åñöţĥéŕ çûšţöméŕ~~~~~~~~⟧</translation>
    </message>
    <message>
        <source>linked to this customer</source>
        <translation>⟦ļîñķéđ ţö ţĥîš çûšţöméŕ~~~~~~~⟧</translation>
    </message>
</context>
<context>
    <name>Activity</name>
    <message>
        <source>Organisation</source>
        <translation>⟦Öŕĝåñîšåţîöñ~~~~⟧</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>⟦Öûţçömé~~⟧</translation>
    </message>
    <message>
        <source>When</source>
        <translation>⟦Ŵĥéñ~⟧</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>⟦Çûšţöméŕ~~~⟧</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>⟦Çĥåñĝé~~⟧</translation>
    </message>
    <message>
        <source>Previous account</source>
        <translation>⟦Pŕévîöûš åççöûñţ~~~~~⟧</translation>
    </message>
    <message>
        <source>New account</source>
        <translation>⟦Ñéŵ åççöûñţ~~~~⟧</translation>
    </message>
    <message>
        <source>Server&apos;s message</source>
        <translation>⟦Šéŕvéŕ'š méššåĝé~~~~~⟧</translation>
    </message>
    <message>
        <source>Signed in as</source>
        <translation>⟦Šîĝñéđ îñ åš~~~~⟧</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>⟦Šéŕvéŕ~~⟧</translation>
    </message>
    <message>
        <source>Linked</source>
        <translation>⟦Ļîñķéđ~~⟧</translation>
    </message>
    <message>
        <source>Unlinked</source>
        <translation>⟦Ûñļîñķéđ~~~⟧</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>⟦Fåîļéđ~~⟧</translation>
    </message>
    <message>
        <source>Not changed</source>
        <translation>⟦Ñöţ çĥåñĝéđ~~~~⟧</translation>
    </message>
    <message>
        <source>No answer</source>
        <translation>⟦Ñö åñšŵéŕ~~~⟧</translation>
    </message>
    <message>
        <source>Waiting for the answer</source>
        <translation>⟦Ŵåîţîñĝ föŕ ţĥé åñšŵéŕ~~~~~~~⟧</translation>
    </message>
    <message>
        <source>Not linked</source>
        <translation>⟦Ñöţ ļîñķéđ~~~⟧</translation>
    </message>
    <message>
        <source>Still linked</source>
        <translation>⟦Šţîļļ ļîñķéđ~~~~⟧</translation>
    </message>
    <message>
        <source>{0} (confirmed later)</source>
        <translation>⟦{0} (çöñfîŕméđ ļåţéŕ)~~~~~⟧</translation>
    </message>
    <message>
        <source>link</source>
        <translation>⟦ļîñķ~⟧</translation>
    </message>
    <message>
        <source>replace</source>
        <translation>⟦ŕépļåçé~~⟧</translation>
    </message>
    <message>
        <source>bulk link</source>
        <translation>⟦ƀûļķ ļîñķ~~~⟧</translation>
    </message>
    <message>
        <source>unlink (undo)</source>
        <translation>⟦ûñļîñķ (ûñđö)~~~~⟧</translation>
    </message>
    <message>
        <source>put back (undo)</source>
        <translation>⟦pûţ ƀåçķ (ûñđö)~~~~⟧</translation>
    </message>
</context>
<context>
    <name>ActivityWindow</name>
    <message>
        <source>Activity – Billie Desktop</source>
        <translation>⟦Åçţîvîţý – Ɓîļļîé Ðéšķţöp~~~~~~~⟧</translation>
    </message>
    <message>
        <source>From</source>
        <translation>⟦Fŕöm~⟧</translation>
    </message>
    <message>
        <source>to</source>
        <translation>⟦ţö~⟧</translation>
    </message>
    <message>
        <source>From date</source>
        <translation>⟦Fŕöm đåţé~~~⟧</translation>
    </message>
    <message>
        <source>To date</source>
        <translation>⟦Ţö đåţé~~⟧</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>⟦Öŕĝåñîšåţîöñ~~~~⟧</translation>
    </message>
    <message>
        <source>All organisations</source>
        <translation>⟦Åļļ öŕĝåñîšåţîöñš~~~~~~⟧</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>⟦Öûţçömé~~⟧</translation>
    </message>
    <message>
        <source>Any outcome</source>
        <translation>⟦Åñý öûţçömé~~~~⟧</translation>
    </message>
    <message>
        <source>Customer, account, id or message</source>
        <translation>⟦Çûšţöméŕ, åççöûñţ, îđ öŕ méššåĝé~~~~~~~~~⟧</translation>
    </message>
    <message>
        <source>Search the activity</source>
        <translation>⟦Šéåŕçĥ ţĥé åçţîvîţý~~~~~~⟧</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>⟦&amp;Éxpöŕţ…~~⟧</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>⟦Åçţîvîţý~~~⟧</translation>
    </message>
    <message>
        <source>&amp;Undo…</source>
        <translation>⟦&amp;Ûñđö…~⟧</translation>
    </message>
    <message>
        <source>Undo the &amp;run…</source>
        <translation>⟦Ûñđö ţĥé &amp;ŕûñ…~~~~⟧</translation>
    </message>
    <message>
        <source>Undo every link of the Link by email run this entry belongs to, with a review first</source>
        <translation>⟦Ûñđö évéŕý ļîñķ öf ţĥé Ļîñķ ƀý émåîļ ŕûñ ţĥîš éñţŕý ƀéļöñĝš ţö, ŵîţĥ å ŕévîéŵ fîŕšţ~~~~~~~~~~~~~~~~~~~~~~~⟧</translation>
    </message>
    <message>
        <source>Entries shown: {0:,}, newest first. Double-click one to go to the customer.</source>
        <translation>⟦Éñţŕîéš šĥöŵñ: {0:,}, ñéŵéšţ fîŕšţ. Ðöûƀļé-çļîçķ öñé ţö ĝö ţö ţĥé çûšţöméŕ.~~~~~~~~~~~~~~~~~~~⟧</translation>
    </message>
    <message>
        <source>{0:,} changes are unconfirmed: their answer was lost, so whether the server made them is not known yet. They are read back at each sign-in.</source>
        <translation>⟦{0:,} çĥåñĝéš åŕé ûñçöñfîŕméđ: ţĥéîŕ åñšŵéŕ ŵåš ļöšţ, šö ŵĥéţĥéŕ ţĥé šéŕvéŕ måđé ţĥém îš ñöţ ķñöŵñ ýéţ. Ţĥéý åŕé ŕéåđ ƀåçķ åţ éåçĥ šîĝñ-îñ.~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~⟧</translation>
    </message>
    <message>
        <source>Check now</source>
        <translation>⟦Çĥéçķ ñöŵ~~~⟧</translation>
    </message>
    <message>
        <source>Checking with the server…</source>
        <translation>⟦Çĥéçķîñĝ ŵîţĥ ţĥé šéŕvéŕ…~~~~~~~⟧</translation>
    </message>
    <message>
        <source>Could not check: {0}</source>
        <translation>⟦Çöûļđ ñöţ çĥéçķ: {0}~~~~~⟧</translation>
    </message>
    <message>
        <source>Nothing could be checked on this server.</source>
        <translation>⟦Ñöţĥîñĝ çöûļđ ƀé çĥéçķéđ öñ ţĥîš šéŕvéŕ.~~~~~~~~~~~~⟧</translation>
    </message>
    <message>
        <source>Sign in to undo a change.</source>
        <translation>⟦Šîĝñ îñ ţö ûñđö å çĥåñĝé.~~~~~~~⟧</translation>
    </message>
    <message>
        <source>Undo this change</source>
        <translation>⟦Ûñđö ţĥîš çĥåñĝé~~~~~⟧</translation>
    </message>
    <message>
        <source>Export the activity</source>
        <translation>⟦Éxpöŕţ ţĥé åçţîvîţý~~~~~~⟧</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>⟦Éxpöŕţîñĝ…~~~⟧</translation>
    </message>
    <message>
        <source>Could not write the file: {0}. No file was written.</source>
        <translation>⟦Çöûļđ ñöţ ŵŕîţé ţĥé fîļé: {0}. Ñö fîļé ŵåš ŵŕîţţéñ.~~~~~~~~~~~~~⟧</translation>
    </message>
    <message>
        <source>Exported to {1}: {0:,} entries.</source>
        <translation>⟦Éxpöŕţéđ ţö {1}: {0:,} éñţŕîéš.~~~~~~⟧</translation>
    </message>
</context>
<context>
    <name>Banner</name>
    <message>
        <source>Message</source>
        <translation>⟦Méššåĝé~~⟧</translation>
    </message>
</context>
<context>
    <name>BulkLink</name>
    <message>
        <source>Waiting</source>
        <translation>⟦Ŵåîţîñĝ~~⟧</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>⟦Šéñđîñĝ…~~⟧</translation>
    </message>
    <message>
        <source>Linked</source>
        <translation>⟦Ļîñķéđ~~⟧</translation>
    </message>
    <message>
        <source>Not sent</source>
        <translation>⟦Ñöţ šéñţ~~⟧</translation>
    </message>
    <message>
        <source>No answer yet</source>
        <translation>⟦Ñö åñšŵéŕ ýéţ~~~~⟧</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>⟦Fåîļéđ~~⟧</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>⟦Çûšţöméŕ~~~⟧</translation>
    </message>
    <message>
        <source>Customer email</source>
        <translation>⟦Çûšţöméŕ émåîļ~~~~~⟧</translation>
    </message>
    <message>
        <source>User account</source>
        <translation>⟦Ûšéŕ åççöûñţ~~~~⟧</translation>
    </message>
    <message>
        <source>Account email</source>
        <translation>⟦Åççöûñţ émåîļ~~~~⟧</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>⟦Ŵĥý~⟧</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>⟦Öûţçömé~~⟧</translation>
    </message>
    <message>
        <source>Linked by the run</source>
        <translation>⟦Ļîñķéđ ƀý ţĥé ŕûñ~~~~~⟧</translation>
    </message>
    <message>
        <source>Unlinked</source>
        <translation>⟦Ûñļîñķéđ~~~⟧</translation>
    </message>
    <message>
        <source>User accounts with that email</source>
        <translation>⟦Ûšéŕ åççöûñţš ŵîţĥ ţĥåţ émåîļ~~~~~~~~~⟧</translation>
    </message>
    <message>
        <source>Why not</source>
        <translation>⟦Ŵĥý ñöţ~~⟧</translation>
    </message>
    <message>
        <source>Same email</source>
        <translation>⟦Šåmé émåîļ~~~⟧</translation>
    </message>
    <message>
        <source>Same email, apart from case or spaces</source>
        <translation>⟦Šåmé émåîļ, åpåŕţ fŕöm çåšé öŕ špåçéš~~~~~~~~~~⟧</translation>
    </message>
    <message>
        <source>{0} customers share this email</source>
        <translation>⟦{0} çûšţöméŕš šĥåŕé ţĥîš émåîļ~~~~~~~~⟧</translation>
    </message>
    <message>
        <source>{0} user accounts share this email</source>
        <translation>⟦{0} ûšéŕ åççöûñţš šĥåŕé ţĥîš émåîļ~~~~~~~~~⟧</translation>
    </message>
    <message>
        <source>That user account is already linked to another customer.</source>
        <translation>⟦Ţĥåţ ûšéŕ åççöûñţ îš åļŕéåđý ļîñķéđ ţö åñöţĥéŕ çûšţöméŕ.~~~~~~~~~~~~~~~~⟧</translation>
    </message>
    <message>
        <source>Not found: {0}</source>
        <translation>⟦Ñöţ föûñđ: {0}~~~⟧</translation>
    </message>
    <message>
        <source>The customer no longer exists.</source>
        <translation>⟦Ţĥé çûšţöméŕ ñö ļöñĝéŕ éxîšţš.~~~~~~~~~⟧</translation>
    </message>
    <message>
        <source>Not allowed: the server says your account may not link customers in this organisation.</source>
        <translation>⟦Ñöţ åļļöŵéđ: ţĥé šéŕvéŕ šåýš ýöûŕ åççöûñţ måý ñöţ ļîñķ çûšţöméŕš îñ ţĥîš öŕĝåñîšåţîöñ.~~~~~~~~~~~~~~~~~~~~~~~~~⟧</translation>
    </message>
</context>
<context>
    <name>BulkLinkWindow</name>
    <message>
        <source>Link by email – {0}</source>
        <translation>⟦Ļîñķ ƀý émåîļ – {0}~~~~⟧</translation>
    </message>
    <message>
        <source>Customers of {0} without a user account are matched to user accounts that are not linked yet, when their emails are the same (ignoring case and surrounding spaces). Only one-to-one matches are offered; untick any you do not want, then Apply.</source>
        <translation>⟦Çûšţöméŕš öf {0} ŵîţĥöûţ å ûšéŕ åççöûñţ åŕé måţçĥéđ ţö ûšéŕ åççöûñţš ţĥåţ åŕé ñöţ ļîñķéđ ýéţ, ŵĥéñ ţĥéîŕ émåîļš åŕé ţĥé šåmé (îĝñöŕîñĝ çåšé åñđ šûŕŕöûñđîñĝ špåçéš). Öñļý öñé-ţö-öñé måţçĥéš åŕé öfféŕéđ; ûñţîçķ åñý ýöû đö ñöţ ŵåñţ, ţĥéñ Åppļý.~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~⟧</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>⟦Pŕöĝŕéšš~~~⟧</translation>
    </message>
    <message>
        <source>Ready to link</source>
        <translation>⟦Ŕéåđý ţö ļîñķ~~~~⟧</translation>
    </message>
    <message>
        <source>Needs a person</source>
        <translation>⟦Ñééđš å péŕšöñ~~~~⟧</translation>
    </message>
    <message>
        <source>Tick all</source>
        <translation>⟦Ţîçķ åļļ~~⟧</translation>
    </message>
    <message>
        <source>Untick all</source>
        <translation>⟦Ûñţîçķ åļļ~~~⟧</translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation>⟦&amp;Åppļý~~⟧</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>⟦&amp;Påûšé~~⟧</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>⟦Çåñçéļ~~⟧</translation>
    </message>
    <message>
        <source>&amp;Retry failed</source>
        <translation>⟦&amp;Ŕéţŕý fåîļéđ~~~~⟧</translation>
    </message>
    <message>
        <source>&amp;Copy summary</source>
        <translation>⟦&amp;Çöpý šûmmåŕý~~~~⟧</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>⟦Çļöšé~~⟧</translation>
    </message>
    <message>
        <source>Counting once everything is loaded…</source>
        <translation>⟦Çöûñţîñĝ öñçé évéŕýţĥîñĝ îš ļöåđéđ…~~~~~~~~~~⟧</translation>
    </message>
    <message>
        <source>Loading user accounts…</source>
        <translation>⟦Ļöåđîñĝ ûšéŕ åççöûñţš…~~~~~~~⟧</translation>
    </message>
    <message>
        <source>Could not load: {0}</source>
        <translation>⟦Çöûļđ ñöţ ļöåđ: {0}~~~~⟧</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>⟦Ŕéţŕý~~⟧</translation>
    </message>
    <message>
        <source>Nothing was changed. Press Retry to load again.</source>
        <translation>⟦Ñöţĥîñĝ ŵåš çĥåñĝéđ. Pŕéšš Ŕéţŕý ţö ļöåđ åĝåîñ.~~~~~~~~~~~~~⟧</translation>
    </message>
    <message>
        <source>Loading {0}: page {1:,} of {2:,}, {3:,} of {4:,} rows, {6:,} pages on their way, {5:,.0f} rows/s</source>
        <translation>⟦Ļöåđîñĝ {0}: påĝé {1:,} öf {2:,}, {3:,} öf {4:,} ŕöŵš, {6:,} påĝéš öñ ţĥéîŕ ŵåý, {5:,.0f} ŕöŵš/š~~~~~~~~~~~~~~⟧</translation>
    </message>
    <message>
        <source>Loaded and matched in {0:.1f} s. Review the matches, then Apply.</source>
        <translation>⟦Ļöåđéđ åñđ måţçĥéđ îñ {0:.1f} š. Ŕévîéŵ ţĥé måţçĥéš, ţĥéñ Åppļý.~~~~~~~~~~~~~~~~⟧</translation>
    </message>
    <message>
        <source>user accounts</source>
        <translation>⟦ûšéŕ åççöûñţš~~~~⟧</translation>
    </message>
    <message>
        <source>customers</source>
        <translation>⟦çûšţöméŕš~~~⟧</translation>
    </message>
    <message>
        <source>Matched: {0:,}   ·   Needs a person: {1:,}   ·   Unmatched customers: {2:,}</source>
        <translation>⟦Måţçĥéđ: {0:,}   ·   Ñééđš å péŕšöñ: {1:,}   ·   Ûñmåţçĥéđ çûšţöméŕš: {2:,}~~~~~~~~~~~~~⟧</translation>
    </message>
    <message>
        <source>Matches ({0:,}): each customer and the account with its email</source>
        <translation>⟦Måţçĥéš ({0:,}): éåçĥ çûšţöméŕ åñđ ţĥé åççöûñţ ŵîţĥ îţš émåîļ~~~~~~~~~~~~~~~⟧</translation>
    </message>
    <message>
        <source>Needs a person ({0:,}): an email shared by more than one customer or account. Double-click to find the customer in the list and link it yourself.</source>
        <translation>⟦Ñééđš å péŕšöñ ({0:,}): åñ émåîļ šĥåŕéđ ƀý möŕé ţĥåñ öñé çûšţöméŕ öŕ åççöûñţ. Ðöûƀļé-çļîçķ ţö fîñđ ţĥé çûšţöméŕ îñ ţĥé ļîšţ åñđ ļîñķ îţ ýöûŕšéļf.~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~⟧</translation>
    </message>
    <message>
        <source>Link by email</source>
        <translation>⟦Ļîñķ ƀý émåîļ~~~~⟧</translation>
    </message>
    <message>
        <source>Link {0:,} customers</source>
        <translation>⟦Ļîñķ {0:,} çûšţöméŕš~~~~~⟧</translation>
    </message>
    <message>
        <source>Link 1 customer</source>
        <translation>⟦Ļîñķ 1 çûšţöméŕ~~~~⟧</translation>
    </message>
    <message>
        <source>{0} of {1} to user accounts?

Server: {2}

Each is linked to the user account with the same email. Links can be undone from View ▸ Activity where the server allows it.</source>
        <translation>⟦{0} öf {1} ţö ûšéŕ åççöûñţš?

Šéŕvéŕ: {2}

Éåçĥ îš ļîñķéđ ţö ţĥé ûšéŕ åççöûñţ ŵîţĥ ţĥé šåmé émåîļ. Ļîñķš çåñ ƀé ûñđöñé fŕöm Vîéŵ ▸ Åçţîvîţý ŵĥéŕé ţĥé šéŕvéŕ åļļöŵš îţ.~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~⟧</translation>
    </message>
    <message>
        <source>Nothing was sent.</source>
        <translation>⟦Ñöţĥîñĝ ŵåš šéñţ.~~~~~⟧</translation>
    </message>
    <message>
        <source>Loading was cancelled. Nothing was changed.</source>
        <translation>⟦Ļöåđîñĝ ŵåš çåñçéļļéđ. Ñöţĥîñĝ ŵåš çĥåñĝéđ.~~~~~~~~~~~~~⟧</translation>
    </message>
    <message>
        <source>The summary is on the clipboard.</source>
        <translation>⟦Ţĥé šûmmåŕý îš öñ ţĥé çļîpƀöåŕđ.~~~~~~~~~⟧</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>⟦Ŕéšûmé~~⟧</translation>
    </message>
    <message>
        <source>&amp;Apply ({0:,})</source>
        <translation>⟦&amp;Åppļý ({0:,})~~⟧</translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation>⟦&amp;Ŕéšûmé~~⟧</translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation>⟦&amp;Ŕéţŕý~~⟧</translation>
    </message>
    <message>
        <source>An undo run is paused ({0:,} left).</source>
        <translation>⟦Åñ ûñđö ŕûñ îš påûšéđ ({0:,} ļéfţ).~~~~~~~⟧</translation>
    </message>
    <message>
        <source>An undo run is in progress ({0:,} left).</source>
        <translation>⟦Åñ ûñđö ŕûñ îš îñ pŕöĝŕéšš ({0:,} ļéfţ).~~~~~~~~~⟧</translation>
    </message>
    <message>
        <source>A link run is paused ({0:,} left).</source>
        <translation>⟦Å ļîñķ ŕûñ îš påûšéđ ({0:,} ļéfţ).~~~~~~~⟧</translation>
    </message>
    <message>
        <source>A link run is in progress ({0:,} left).</source>
        <translation>⟦Å ļîñķ ŕûñ îš îñ pŕöĝŕéšš ({0:,} ļéfţ).~~~~~~~~⟧</translation>
    </message>
</context>
<context>
    <name>BusyBar</name>
    <message>
        <source>Working</source>
        <translation>⟦Ŵöŕķîñĝ~~⟧</translation>
    </message>
</context>
<context>
    <name>CustomerExport</name>
    <message>
        <source>Export customers</source>
        <translation>⟦Éxpöŕţ çûšţöméŕš~~~~~⟧</translation>
    </message>
    <message>
        <source>Exported {0:,} customers to {1}.</source>
        <translation>⟦Éxpöŕţéđ {0:,} çûšţöméŕš ţö {1}.~~~~~~~⟧</translation>
    </message>
    <message>
        <source>An export is in progress ({0:,} of {1:,} rows written).</source>
        <translation>⟦Åñ éxpöŕţ îš îñ pŕöĝŕéšš ({0:,} öf {1:,} ŕöŵš ŵŕîţţéñ).~~~~~~~~~~~~⟧</translation>
    </message>
    <message>
        <source>An export is in progress.</source>
        <translation>⟦Åñ éxpöŕţ îš îñ pŕöĝŕéšš.~~~~~~~⟧</translation>
    </message>
</context>
<context>
    <name>CustomersArea</name>
    <message>
        <source>Offline — showing what was loaded by {0}.</source>
        <translation>⟦Öffļîñé — šĥöŵîñĝ ŵĥåţ ŵåš ļöåđéđ ƀý {0}.~~~~~~~~~~⟧</translation>
    </message>
    <message>
        <source>Some customers could not be loaded ({1}); showing what was loaded by {0}.</source>
        <translation>⟦Šömé çûšţöméŕš çöûļđ ñöţ ƀé ļöåđéđ ({1}); šĥöŵîñĝ ŵĥåţ ŵåš ļöåđéđ ƀý {0}.~~~~~~~~~~~~~~~~~~⟧</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>⟦Ŕéţŕý~~⟧</translation>
    </message>
    <message>
        <source>Rows {0}–{1} of {2}</source>
        <translation>⟦Ŕöŵš {0}–{1} öf {2}~~⟧</translation>
    </message>
</context>
<context>
    <name>CustomersModel</name>
    <message>
        <source>Linked</source>
        <translation>⟦Ļîñķéđ~~⟧</translation>
    </message>
    <message>
        <source>This organisation has no customers yet.</source>
        <translation>⟦Ţĥîš öŕĝåñîšåţîöñ ĥåš ñö çûšţöméŕš ýéţ.~~~~~~~~~~~~⟧</translation>
    </message>
    <message>
        <source>Loading customers…</source>
        <translation>⟦Ļöåđîñĝ çûšţöméŕš…~~~~~~⟧</translation>
    </message>
    <message>
        <source>No customers match this search and filter.</source>
        <translation>⟦Ñö çûšţöméŕš måţçĥ ţĥîš šéåŕçĥ åñđ fîļţéŕ.~~~~~~~~~~~~⟧</translation>
    </message>
    <message>
        <source>Loading</source>
        <translation>⟦Ļöåđîñĝ~~⟧</translation>
    </message>
    <message>
        <source>Not linked</source>
        <translation>⟦Ñöţ ļîñķéđ~~~⟧</translation>
    </message>
    <message>
        <source>No customers match “{0}”.</source>
        <translation>⟦Ñö çûšţöméŕš måţçĥ “{0}”.~~~~~~⟧</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>⟦Ñåmé~⟧</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>⟦Émåîļ~~⟧</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>⟦Pĥöñé~~⟧</translation>
    </message>
    <message>
        <source>Suburb</source>
        <translation>⟦Šûƀûŕƀ~~⟧</translation>
    </message>
    <message>
        <source>State</source>
        <translation>⟦Šţåţé~~⟧</translation>
    </message>
    <message>
        <source>Postcode</source>
        <translation>⟦Pöšţçöđé~~~⟧</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>⟦Ðåţé öf ƀîŕţĥ~~~~⟧</translation>
    </message>
    <message>
        <source>User account</source>
        <translation>⟦Ûšéŕ åççöûñţ~~~~⟧</translation>
    </message>
    <message>
        <source>Account email</source>
        <translation>⟦Åççöûñţ émåîļ~~~~⟧</translation>
    </message>
</context>
<context>
    <name>CustomersTable</name>
    <message>
        <source>Customers</source>
        <translation>⟦Çûšţöméŕš~~~⟧</translation>
    </message>
</context>
<context>
    <name>DemoBlock</name>
    <message>
        <source>Sandbox demo sign-ins</source>
        <translation>⟦Šåñđƀöx đémö šîĝñ-îñš~~~~~~⟧</translation>
    </message>
    <message>
        <source>&lt;b&gt;Sandbox demo sign-ins&lt;/b&gt; (password &lt;code&gt;{0}&lt;/code&gt;; click one to fill it in):</source>
        <translation>⟦&lt;b&gt;Šåñđƀöx đémö šîĝñ-îñš&lt;/b&gt; (påššŵöŕđ &lt;code&gt;{0}&lt;/code&gt;; çļîçķ öñé ţö fîļļ îţ îñ):~~~~~~~~~~~~~~~~~~~⟧</translation>
    </message>
</context>
<context>
    <name>DetailPane</name>
    <message>
        <source>Name</source>
        <translation>⟦Ñåmé~⟧</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>⟦Ðåţé öf ƀîŕţĥ~~~~⟧</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>⟦Émåîļ~~⟧</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>⟦Pĥöñé~~⟧</translation>
    </message>
    <message>
        <source>Preferred contact</source>
        <translation>⟦Pŕéféŕŕéđ çöñţåçţ~~~~~~⟧</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>⟦Åđđŕéšš~~⟧</translation>
    </message>
    <message>
        <source>Driver&apos;s licence</source>
        <translation>⟦Ðŕîvéŕ'š ļîçéñçé~~~~~⟧</translation>
    </message>
    <message>
        <source>Bank account</source>
        <translation>⟦Ɓåñķ åççöûñţ~~~~⟧</translation>
    </message>
    <message>
        <source>User account</source>
        <translation>⟦Ûšéŕ åççöûñţ~~~~⟧</translation>
    </message>
    <message>
        <source>Customer ID</source>
        <translation>⟦Çûšţöméŕ ÎÐ~~~~⟧</translation>
    </message>
    <message>
        <source>Customer details</source>
        <translation>⟦Çûšţöméŕ đéţåîļš~~~~~⟧</translation>
    </message>
    <message>
        <source>No customer selected</source>
        <translation>⟦Ñö çûšţöméŕ šéļéçţéđ~~~~~~⟧</translation>
    </message>
    <message>
        <source>Link to user account…</source>
        <translation>⟦Ļîñķ ţö ûšéŕ åççöûñţ…~~~~~~⟧</translation>
    </message>
    <message>
        <source>Link to user account</source>
        <translation>⟦Ļîñķ ţö ûšéŕ åççöûñţ~~~~~~⟧</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>⟦Çöpý~⟧</translation>
    </message>
    <message>
        <source>Copy the customer ID</source>
        <translation>⟦Çöpý ţĥé çûšţöméŕ ÎÐ~~~~~~⟧</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>⟦Çöpîéđ~~⟧</translation>
    </message>
    <message>
        <source>Customer ID copied</source>
        <translation>⟦Çûšţöméŕ ÎÐ çöpîéđ~~~~~~⟧</translation>
    </message>
    <message>
        <source>Linked</source>
        <translation>⟦Ļîñķéđ~~⟧</translation>
    </message>
    <message>
        <source>Not linked</source>
        <translation>⟦Ñöţ ļîñķéđ~~~⟧</translation>
    </message>
    <message>
        <source>User account ID: {0}</source>
        <translation>⟦Ûšéŕ åççöûñţ ÎÐ: {0}~~~~~⟧</translation>
    </message>
</context>
<context>
    <name>ErrorReporter</name>
    <message>
        <source>Something went wrong</source>
        <translation>⟦Šöméţĥîñĝ ŵéñţ ŵŕöñĝ~~~~~~⟧</translation>
    </message>
    <message>
        <source>Billie Desktop hit an unexpected problem and carried on. What you were doing may not have finished; please check and try again.</source>
        <translation>⟦Ɓîļļîé Ðéšķţöp ĥîţ åñ ûñéxpéçţéđ pŕöƀļém åñđ çåŕŕîéđ öñ. Ŵĥåţ ýöû ŵéŕé đöîñĝ måý ñöţ ĥåvé fîñîšĥéđ; pļéåšé çĥéçķ åñđ ţŕý åĝåîñ.~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~⟧</translation>
    </message>
</context>
<context>
    <name>Export</name>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>⟦ÇŠV fîļéš (*.csv)~~~~⟧</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>⟦Éxçéļ ŵöŕķƀööķš (*.xlsx)~~~~~~⟧</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Exporting customers</source>
        <translation>⟦Éxpöŕţîñĝ çûšţöméŕš~~~~~~⟧</translation>
    </message>
    <message>
        <source>To {0}</source>
        <translation>⟦Ţö {0}~⟧</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>⟦Šţåŕţîñĝ…~~~⟧</translation>
    </message>
    <message>
        <source>Rows exported</source>
        <translation>⟦Ŕöŵš éxpöŕţéđ~~~~⟧</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>⟦Çåñçéļ~~⟧</translation>
    </message>
    <message>
        <source>&amp;Open file</source>
        <translation>⟦&amp;Öpéñ fîļé~~~⟧</translation>
    </message>
    <message>
        <source>Show in &amp;folder</source>
        <translation>⟦Šĥöŵ îñ &amp;föļđéŕ~~~~⟧</translation>
    </message>
    <message>
        <source>Cancelled: no file was written.</source>
        <translation>⟦Çåñçéļļéđ: ñö fîļé ŵåš ŵŕîţţéñ.~~~~~~~~~⟧</translation>
    </message>
    <message>
        <source>The export stopped: {0} No file was written.</source>
        <translation>⟦Ţĥé éxpöŕţ šţöppéđ: {0} Ñö fîļé ŵåš ŵŕîţţéñ.~~~~~~~~~~~⟧</translation>
    </message>
    <message>
        <source>Could not write the file: {0}. No file was written.</source>
        <translation>⟦Çöûļđ ñöţ ŵŕîţé ţĥé fîļé: {0}. Ñö fîļé ŵåš ŵŕîţţéñ.~~~~~~~~~~~~~⟧</translation>
    </message>
    <message>
        <source>Exported {0:,} customers.</source>
        <translation>⟦Éxpöŕţéđ {0:,} çûšţöméŕš.~~~~~~⟧</translation>
    </message>
    <message>
        <source>All {0:,} rows read · writing the file…</source>
        <translation>⟦Åļļ {0:,} ŕöŵš ŕéåđ · ŵŕîţîñĝ ţĥé fîļé…~~~~~~~~~⟧</translation>
    </message>
    <message>
        <source>{0:,} of {1:,} rows · {4:,} pages on their way · {2:,.0f} rows/s · about {3:,.0f} s left</source>
        <translation>⟦{0:,} öf {1:,} ŕöŵš · {4:,} påĝéš öñ ţĥéîŕ ŵåý · {2:,.0f} ŕöŵš/š · åƀöûţ {3:,.0f} š ļéfţ~~~~~~~~~~~~~⟧</translation>
    </message>
    <message>
        <source>slowed: {0}</source>
        <translation>⟦šļöŵéđ: {0}~~⟧</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>⟦Çļöšé~~⟧</translation>
    </message>
</context>
<context>
    <name>Form</name>
    <message>
        <source>Your input is kept.</source>
        <translation>⟦Ýöûŕ îñpûţ îš ķépţ.~~~~~⟧</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>⟦Ţŕý åĝåîñ~~~⟧</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>⟦Ŕéţŕý~~⟧</translation>
    </message>
</context>
<context>
    <name>Help</name>
    <message>
        <source>Enter (in the list)</source>
        <translation>⟦Éñţéŕ (îñ ţĥé ļîšţ)~~~~~⟧</translation>
    </message>
    <message>
        <source>Link the customer with focus to a user account</source>
        <translation>⟦Ļîñķ ţĥé çûšţöméŕ ŵîţĥ föçûš ţö å ûšéŕ åççöûñţ~~~~~~~~~~~~~⟧</translation>
    </message>
    <message>
        <source>Shift+click, Ctrl+click, Ctrl+A (in the list)</source>
        <translation>⟦Šĥîfţ+çļîçķ, Çţŕļ+çļîçķ, Çţŕļ+Å (îñ ţĥé ļîšţ)~~~~~~~~~~~~⟧</translation>
    </message>
    <message>
        <source>Select several customers</source>
        <translation>⟦Šéļéçţ šévéŕåļ çûšţöméŕš~~~~~~~~⟧</translation>
    </message>
    <message>
        <source>Ctrl+C (in the list)</source>
        <translation>⟦Çţŕļ+Ç (îñ ţĥé ļîšţ)~~~~~⟧</translation>
    </message>
    <message>
        <source>Copy the selected rows, with the headers</source>
        <translation>⟦Çöpý ţĥé šéļéçţéđ ŕöŵš, ŵîţĥ ţĥé ĥéåđéŕš~~~~~~~~~~~~⟧</translation>
    </message>
    <message>
        <source>Ctrl+Home, Ctrl+End (in the list)</source>
        <translation>⟦Çţŕļ+Ĥömé, Çţŕļ+Éñđ (îñ ţĥé ļîšţ)~~~~~~~~⟧</translation>
    </message>
    <message>
        <source>Go to the first or the last customer</source>
        <translation>⟦Ĝö ţö ţĥé fîŕšţ öŕ ţĥé ļåšţ çûšţöméŕ~~~~~~~~~~⟧</translation>
    </message>
    <message>
        <source>Down arrow (in Find account)</source>
        <translation>⟦Ðöŵñ åŕŕöŵ (îñ Fîñđ åççöûñţ)~~~~~~~~⟧</translation>
    </message>
    <message>
        <source>Move into the accounts found</source>
        <translation>⟦Mövé îñţö ţĥé åççöûñţš föûñđ~~~~~~~~⟧</translation>
    </message>
    <message>
        <source>Escape (in a dialog)</source>
        <translation>⟦Éšçåpé (îñ å đîåļöĝ)~~~~~⟧</translation>
    </message>
    <message>
        <source>Cancel, and close it</source>
        <translation>⟦Çåñçéļ, åñđ çļöšé îţ~~~~~~⟧</translation>
    </message>
    <message>
        <source>Enter (on the sign-in window)</source>
        <translation>⟦Éñţéŕ (öñ ţĥé šîĝñ-îñ ŵîñđöŵ)~~~~~~~~⟧</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>⟦Šîĝñ îñ~~⟧</translation>
    </message>
</context>
<context>
    <name>HelpMenu</name>
    <message>
        <source>&amp;User guide</source>
        <translation>⟦&amp;Ûšéŕ ĝûîđé~~~⟧</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>⟦&amp;Ķéýƀöåŕđ šĥöŕţçûţš~~~~~~⟧</translation>
    </message>
    <message>
        <source>Open &amp;log folder</source>
        <translation>⟦Öpéñ &amp;ļöĝ föļđéŕ~~~~~⟧</translation>
    </message>
    <message>
        <source>Open &amp;data folder</source>
        <translation>⟦Öpéñ &amp;đåţå föļđéŕ~~~~~⟧</translation>
    </message>
    <message>
        <source>&amp;About Billie Desktop</source>
        <translation>⟦&amp;Åƀöûţ Ɓîļļîé Ðéšķţöp~~~~~~⟧</translation>
    </message>
    <message>
        <source>User guide</source>
        <translation>⟦Ûšéŕ ĝûîđé~~~⟧</translation>
    </message>
    <message>
        <source>The user guide is not installed with this copy of Billie Desktop ({0}).</source>
        <translation>⟦Ţĥé ûšéŕ ĝûîđé îš ñöţ îñšţåļļéđ ŵîţĥ ţĥîš çöpý öf Ɓîļļîé Ðéšķţöp ({0}).~~~~~~~~~~~~~~~~~~~⟧</translation>
    </message>
    <message>
        <source>About Billie Desktop</source>
        <translation>⟦Åƀöûţ Ɓîļļîé Ðéšķţöp~~~~~~⟧</translation>
    </message>
    <message>
        <source>Billie Desktop {0}
The manager console for Billiecart.

Server: {1}
{2}
Signed in as {3}

Settings: {4}
Log folder: {5}
Data folder: {6}
Python {7}</source>
        <translation>⟦Ɓîļļîé Ðéšķţöp {0}
Ţĥé måñåĝéŕ çöñšöļé föŕ Ɓîļļîéçåŕţ.

Šéŕvéŕ: {1}
{2}
Šîĝñéđ îñ åš {3}

Šéţţîñĝš: {4}
Ļöĝ föļđéŕ: {5}
Ðåţå föļđéŕ: {6}
Pýţĥöñ {7}~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~⟧</translation>
    </message>
</context>
<context>
    <name>LinkDialog</name>
    <message>
        <source>not linked</source>
        <translation>⟦ñöţ ļîñķéđ~~~⟧</translation>
    </message>
    <message>
        <source>Customer:</source>
        <translation>⟦Çûšţöméŕ:~~~⟧</translation>
    </message>
    <message>
        <source>Currently linked to:</source>
        <translation>⟦Çûŕŕéñţļý ļîñķéđ ţö:~~~~~~⟧</translation>
    </message>
    <message>
        <source>Organisation:</source>
        <translation>⟦Öŕĝåñîšåţîöñ:~~~~⟧</translation>
    </message>
    <message>
        <source>Type an email or name to find the account</source>
        <translation>⟦Ţýpé åñ émåîļ öŕ ñåmé ţö fîñđ ţĥé åççöûñţ~~~~~~~~~~~~⟧</translation>
    </message>
    <message>
        <source>Find user account</source>
        <translation>⟦Fîñđ ûšéŕ åççöûñţ~~~~~⟧</translation>
    </message>
    <message>
        <source>Hide accounts linked to other customers</source>
        <translation>⟦Ĥîđé åççöûñţš ļîñķéđ ţö öţĥéŕ çûšţöméŕš~~~~~~~~~~~~⟧</translation>
    </message>
    <message>
        <source>User account ID</source>
        <translation>⟦Ûšéŕ åççöûñţ ÎÐ~~~~~⟧</translation>
    </message>
    <message>
        <source>User account ID:</source>
        <translation>⟦Ûšéŕ åççöûñţ ÎÐ:~~~~~⟧</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>⟦Ļîñķ~⟧</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>⟦Çåñçéļ~~⟧</translation>
    </message>
    <message>
        <source>To remove it: select that customer, then Customer ▸ Remove link….</source>
        <translation>⟦Ţö ŕémövé îţ: šéļéçţ ţĥåţ çûšţöméŕ, ţĥéñ Çûšţöméŕ ▸ Ŕémövé ļîñķ….~~~~~~~~~~~~~~~~~~⟧</translation>
    </message>
    <message>
        <source>This server does not let the console remove a link: ask whoever runs Billiecart to remove it.</source>
        <translation>⟦Ţĥîš šéŕvéŕ đöéš ñöţ ļéţ ţĥé çöñšöļé ŕémövé å ļîñķ: åšķ ŵĥöévéŕ ŕûñš Ɓîļļîéçåŕţ ţö ŕémövé îţ.~~~~~~~~~~~~~~~~~~~~~~~~~~⟧</translation>
    </message>
    <message>
        <source>{0} is already linked to another customer. Billiecart links an account to one customer only, so this link will be refused until that one is removed.

{1}

Choose this account anyway?</source>
        <translation>⟦{0} îš åļŕéåđý ļîñķéđ ţö åñöţĥéŕ çûšţöméŕ. Ɓîļļîéçåŕţ ļîñķš åñ åççöûñţ ţö öñé çûšţöméŕ öñļý, šö ţĥîš ļîñķ ŵîļļ ƀé ŕéfûšéđ ûñţîļ ţĥåţ öñé îš ŕémövéđ.

{1}

Çĥööšé ţĥîš åççöûñţ åñýŵåý?~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~⟧</translation>
    </message>
    <message>
        <source>Check it is the same person: the account&apos;s name and email are both unlike {0}&apos;s ({1}).</source>
        <translation>⟦Çĥéçķ îţ îš ţĥé šåmé péŕšöñ: ţĥé åççöûñţ'š ñåmé åñđ émåîļ åŕé ƀöţĥ ûñļîķé {0}'š ({1}).~~~~~~~~~~~~~~~~~~~~~⟧</translation>
    </message>
    <message>
        <source>(no account ID given)</source>
        <translation>⟦(ñö åççöûñţ ÎÐ ĝîvéñ)~~~~~~⟧</translation>
    </message>
    <message>
        <source>The answer was lost, so the customer was read back: the link was saved.</source>
        <translation>⟦Ţĥé åñšŵéŕ ŵåš ļöšţ, šö ţĥé çûšţöméŕ ŵåš ŕéåđ ƀåçķ: ţĥé ļîñķ ŵåš šåvéđ.~~~~~~~~~~~~~~~~~~~⟧</translation>
    </message>
    <message>
        <source>A link is being saved: {0}.</source>
        <translation>⟦Å ļîñķ îš ƀéîñĝ šåvéđ: {0}.~~~~~~⟧</translation>
    </message>
    <message>
        <source>The link was not saved: its answer was lost, and reading the customer back shows no change. Your input is kept: Retry sends it again.</source>
        <translation>⟦Ţĥé ļîñķ ŵåš ñöţ šåvéđ: îţš åñšŵéŕ ŵåš ļöšţ, åñđ ŕéåđîñĝ ţĥé çûšţöméŕ ƀåçķ šĥöŵš ñö çĥåñĝé. Ýöûŕ îñpûţ îš ķépţ: Ŕéţŕý šéñđš îţ åĝåîñ.~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~⟧</translation>
    </message>
    <message>
        <source>Link to user account – {0}</source>
        <translation>⟦Ļîñķ ţö ûšéŕ åççöûñţ – {0}~~~~~~⟧</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>⟦Çûšţöméŕ~~~⟧</translation>
    </message>
    <message>
        <source>no email</source>
        <translation>⟦ñö émåîļ~~⟧</translation>
    </message>
    <message>
        <source>Customer&apos;s email</source>
        <translation>⟦Çûšţöméŕ'š émåîļ~~~~~⟧</translation>
    </message>
    <message>
        <source>Currently linked to</source>
        <translation>⟦Çûŕŕéñţļý ļîñķéđ ţö~~~~~~⟧</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>⟦Öŕĝåñîšåţîöñ~~~~⟧</translation>
    </message>
    <message>
        <source>Find account:</source>
        <translation>⟦Fîñđ åççöûñţ:~~~~⟧</translation>
    </message>
    <message>
        <source>This server has no account search: enter the account&apos;s ID.</source>
        <translation>⟦Ţĥîš šéŕvéŕ ĥåš ñö åççöûñţ šéåŕçĥ: éñţéŕ ţĥé åççöûñţ'š ÎÐ.~~~~~~~~~~~~~~~~⟧</translation>
    </message>
    <message>
        <source>Replace the link?</source>
        <translation>⟦Ŕépļåçé ţĥé ļîñķ?~~~~~⟧</translation>
    </message>
    <message>
        <source>Replace link</source>
        <translation>⟦Ŕépļåçé ļîñķ~~~~⟧</translation>
    </message>
    <message>
        <source>Keep current link</source>
        <translation>⟦Ķéép çûŕŕéñţ ļîñķ~~~~~⟧</translation>
    </message>
    <message>
        <source>No account matches “{0}”.</source>
        <translation>⟦Ñö åççöûñţ måţçĥéš “{0}”.~~~~~~⟧</translation>
    </message>
    <message>
        <source>Show that customer</source>
        <translation>⟦Šĥöŵ ţĥåţ çûšţöméŕ~~~~~~⟧</translation>
    </message>
    <message>
        <source>Linked to another customer</source>
        <translation>⟦Ļîñķéđ ţö åñöţĥéŕ çûšţöméŕ~~~~~~~~⟧</translation>
    </message>
    <message>
        <source>Choose it</source>
        <translation>⟦Çĥööšé îţ~~~⟧</translation>
    </message>
    <message>
        <source>Keep looking</source>
        <translation>⟦Ķéép ļööķîñĝ~~~~⟧</translation>
    </message>
    <message>
        <source>{0} is linked to {1}.

Link {0} to {2} instead? The old link is removed.</source>
        <translation>⟦{0} îš ļîñķéđ ţö {1}.

Ļîñķ {0} ţö {2} îñšţéåđ? Ţĥé öļđ ļîñķ îš ŕémövéđ.~~~~~~~~~~~~~~~⟧</translation>
    </message>
    <message>
        <source>Could not search accounts: {0}</source>
        <translation>⟦Çöûļđ ñöţ šéåŕçĥ åççöûñţš: {0}~~~~~~~~⟧</translation>
    </message>
    <message>
        <source>The link was sent but its answer was lost, and the customer could not be read back to check it ({0}). Your input is kept: Retry sends it again, which is safe.</source>
        <translation>⟦Ţĥé ļîñķ ŵåš šéñţ ƀûţ îţš åñšŵéŕ ŵåš ļöšţ, åñđ ţĥé çûšţöméŕ çöûļđ ñöţ ƀé ŕéåđ ƀåçķ ţö çĥéçķ îţ ({0}). Ýöûŕ îñpûţ îš ķépţ: Ŕéţŕý šéñđš îţ åĝåîñ, ŵĥîçĥ îš šåfé.~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~⟧</translation>
    </message>
</context>
<context>
    <name>LinkRun</name>
    <message>
        <source>Not sent (cancelled)</source>
        <translation>⟦Ñöţ šéñţ (çåñçéļļéđ)~~~~~~⟧</translation>
    </message>
    <message>
        <source>Linked (checked after a lost answer)</source>
        <translation>⟦Ļîñķéđ (çĥéçķéđ åfţéŕ å ļöšţ åñšŵéŕ)~~~~~~~~~~⟧</translation>
    </message>
    <message>
        <source>The connection to the server was lost ({0}). Nothing more is sent until you retry.</source>
        <translation>⟦Ţĥé çöññéçţîöñ ţö ţĥé šéŕvéŕ ŵåš ļöšţ ({0}). Ñöţĥîñĝ möŕé îš šéñţ ûñţîļ ýöû ŕéţŕý.~~~~~~~~~~~~~~~~~~~~~⟧</translation>
    </message>
    <message>
        <source>Stopped before the answer came</source>
        <translation>⟦Šţöppéđ ƀéföŕé ţĥé åñšŵéŕ çåmé~~~~~~~~~⟧</translation>
    </message>
    <message>
        <source>Not signed in ({0}). Retry once you are.</source>
        <translation>⟦Ñöţ šîĝñéđ îñ ({0}). Ŕéţŕý öñçé ýöû åŕé.~~~~~~~~~⟧</translation>
    </message>
    <message>
        <source>Linked</source>
        <translation>⟦Ļîñķéđ~~⟧</translation>
    </message>
    <message>
        <source>The server keeps asking to slow down (HTTP {0}). Nothing more is sent until you resume.</source>
        <translation>⟦Ţĥé šéŕvéŕ ķéépš åšķîñĝ ţö šļöŵ đöŵñ (ĤŢŢP {0}). Ñöţĥîñĝ möŕé îš šéñţ ûñţîļ ýöû ŕéšûmé.~~~~~~~~~~~~~~~~~~~~~~~⟧</translation>
    </message>
    <message>
        <source>Unlinked (checked after a lost answer)</source>
        <translation>⟦Ûñļîñķéđ (çĥéçķéđ åfţéŕ å ļöšţ åñšŵéŕ)~~~~~~~~~~~⟧</translation>
    </message>
    <message>
        <source>Not linked (checked after a lost answer)</source>
        <translation>⟦Ñöţ ļîñķéđ (çĥéçķéđ åfţéŕ å ļöšţ åñšŵéŕ)~~~~~~~~~~~⟧</translation>
    </message>
    <message>
        <source>Changed since: left as it is</source>
        <translation>⟦Çĥåñĝéđ šîñçé: ļéfţ åš îţ îš~~~~~~~~⟧</translation>
    </message>
    <message>
        <source>No answer: checked before it is resent</source>
        <translation>⟦Ñö åñšŵéŕ: çĥéçķéđ ƀéföŕé îţ îš ŕéšéñţ~~~~~~~~~~~⟧</translation>
    </message>
    <message>
        <source>unlinked</source>
        <translation>⟦ûñļîñķéđ~~~⟧</translation>
    </message>
    <message>
        <source>linked</source>
        <translation>⟦ļîñķéđ~~⟧</translation>
    </message>
    <message>
        <source>{5} {0:,} · failed {1:,} · {2:,} left · {6:,} in flight · {3:,.0f} a second · about {4:,.0f} s left</source>
        <translation>⟦{5} {0:,} · fåîļéđ {1:,} · {2:,} ļéfţ · {6:,} îñ fļîĝĥţ · {3:,.0f} å šéçöñđ · åƀöûţ {4:,.0f} š ļéfţ~~~~~~~~~~~~~⟧</translation>
    </message>
    <message>
        <source>slowed: {0}</source>
        <translation>⟦šļöŵéđ: {0}~~⟧</translation>
    </message>
    <message>
        <source>Pausing — {0:,} {2}, {1:,} in flight: waiting for their answers, sending nothing new</source>
        <translation>⟦Påûšîñĝ — {0:,} {2}, {1:,} îñ fļîĝĥţ: ŵåîţîñĝ föŕ ţĥéîŕ åñšŵéŕš, šéñđîñĝ ñöţĥîñĝ ñéŵ~~~~~~~~~~~~~~~~~~~⟧</translation>
    </message>
    <message>
        <source>Paused — {0:,} {4}, {1:,} in flight · failed {2:,} · {3:,} left. Resume carries on.</source>
        <translation>⟦Påûšéđ — {0:,} {4}, {1:,} îñ fļîĝĥţ · fåîļéđ {2:,} · {3:,} ļéfţ. Ŕéšûmé çåŕŕîéš öñ.~~~~~~~~~~~~~~⟧</translation>
    </message>
    <message>
        <source>Cancelling — {0:,} {2}, {1:,} in flight: waiting for their answers, sending nothing new</source>
        <translation>⟦Çåñçéļļîñĝ — {0:,} {2}, {1:,} îñ fļîĝĥţ: ŵåîţîñĝ föŕ ţĥéîŕ åñšŵéŕš, šéñđîñĝ ñöţĥîñĝ ñéŵ~~~~~~~~~~~~~~~~~~~~⟧</translation>
    </message>
    <message>
        <source>Cancelled — {3} {0:,}, failed {1:,}, not sent {2:,}.</source>
        <translation>⟦Çåñçéļļéđ — {3} {0:,}, fåîļéđ {1:,}, ñöţ šéñţ {2:,}.~~~~~~~~⟧</translation>
    </message>
    <message>
        <source>Done — {3} {0:,}, failed {1:,}, not sent {2:,}.</source>
        <translation>⟦Ðöñé — {3} {0:,}, fåîļéđ {1:,}, ñöţ šéñţ {2:,}.~~~~~~⟧</translation>
    </message>
    <message>
        <source>{0:,} got no answer: each is checked at the next sign-in.</source>
        <translation>⟦{0:,} ĝöţ ñö åñšŵéŕ: éåçĥ îš çĥéçķéđ åţ ţĥé ñéxţ šîĝñ-îñ.~~~~~~~~~~~~~~⟧</translation>
    </message>
    <message>
        <source>Linked {0:,}, failed {1:,}, not sent {2:,}; {3:,} left unticked.</source>
        <translation>⟦Ļîñķéđ {0:,}, fåîļéđ {1:,}, ñöţ šéñţ {2:,}; {3:,} ļéfţ ûñţîçķéđ.~~~~~~~~~~~⟧</translation>
    </message>
</context>
<context>
    <name>ListCopy</name>
    <message>
        <source>Nothing copied: the rows selected are not loaded yet.</source>
        <translation>⟦Ñöţĥîñĝ çöpîéđ: ţĥé ŕöŵš šéļéçţéđ åŕé ñöţ ļöåđéđ ýéţ.~~~~~~~~~~~~~~~⟧</translation>
    </message>
    <message>
        <source>Rows copied: {0}.</source>
        <translation>⟦Ŕöŵš çöpîéđ: {0}.~~~~⟧</translation>
    </message>
    <message>
        <source>Rows left out, not loaded yet: {0} (scroll to them and copy again).</source>
        <translation>⟦Ŕöŵš ļéfţ öûţ, ñöţ ļöåđéđ ýéţ: {0} (šçŕöļļ ţö ţĥém åñđ çöpý åĝåîñ).~~~~~~~~~~~~~~~~⟧</translation>
    </message>
    <message>
        <source>Copied the email address.</source>
        <translation>⟦Çöpîéđ ţĥé émåîļ åđđŕéšš.~~~~~~~⟧</translation>
    </message>
    <message>
        <source>Copied the customer ID.</source>
        <translation>⟦Çöpîéđ ţĥé çûšţöméŕ ÎÐ.~~~~~~~⟧</translation>
    </message>
    <message>
        <source>Copied the row.</source>
        <translation>⟦Çöpîéđ ţĥé ŕöŵ.~~~~⟧</translation>
    </message>
</context>
<context>
    <name>ListStatus</name>
    <message>
        <source>Customer list</source>
        <translation>⟦Çûšţöméŕ ļîšţ~~~~⟧</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>⟦Ŕéţŕý~~⟧</translation>
    </message>
    <message>
        <source>Retry loading customers</source>
        <translation>⟦Ŕéţŕý ļöåđîñĝ çûšţöméŕš~~~~~~~⟧</translation>
    </message>
</context>
<context>
    <name>LostAnswers</name>
    <message>
        <source>Checked {0:,} changes whose answer had been lost: {1:,} made, {2:,} not made.</source>
        <translation>⟦Çĥéçķéđ {0:,} çĥåñĝéš ŵĥöšé åñšŵéŕ ĥåđ ƀééñ ļöšţ: {1:,} måđé, {2:,} ñöţ måđé.~~~~~~~~~~~~~~~~⟧</translation>
    </message>
    <message>
        <source>{0:,} could not be checked yet.</source>
        <translation>⟦{0:,} çöûļđ ñöţ ƀé çĥéçķéđ ýéţ.~~~~~~~⟧</translation>
    </message>
</context>
<context>
    <name>MainActions</name>
    <message>
        <source>&amp;Refresh</source>
        <translation>⟦&amp;Ŕéfŕéšĥ~~⟧</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>⟦&amp;Fîñđ…~⟧</translation>
    </message>
    <message>
        <source>&amp;Link to user account…</source>
        <translation>⟦&amp;Ļîñķ ţö ûšéŕ åççöûñţ…~~~~~~⟧</translation>
    </message>
    <message>
        <source>&amp;Remove link…</source>
        <translation>⟦&amp;Ŕémövé ļîñķ…~~~~⟧</translation>
    </message>
    <message>
        <source>Link by &amp;email…</source>
        <translation>⟦Ļîñķ ƀý &amp;émåîļ…~~~~⟧</translation>
    </message>
    <message>
        <source>Match customers to user accounts by email, review, and link many at once</source>
        <translation>⟦Måţçĥ çûšţöméŕš ţö ûšéŕ åççöûñţš ƀý émåîļ, ŕévîéŵ, åñđ ļîñķ måñý åţ öñçé~~~~~~~~~~~~~~~~~~~~⟧</translation>
    </message>
    <message>
        <source>Choose &amp;organisation</source>
        <translation>⟦Çĥööšé &amp;öŕĝåñîšåţîöñ~~~~~~⟧</translation>
    </message>
    <message>
        <source>&amp;Activity</source>
        <translation>⟦&amp;Åçţîvîţý~~~⟧</translation>
    </message>
    <message>
        <source>&amp;Export customers…</source>
        <translation>⟦&amp;Éxpöŕţ çûšţöméŕš…~~~~~⟧</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>⟦Šîĝñ &amp;öûţ~~⟧</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>⟦&amp;Qûîţ~⟧</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>⟦Måîñ~⟧</translation>
    </message>
    <message>
        <source> Organisation: </source>
        <translation>⟦ Öŕĝåñîšåţîöñ: ~~~~⟧</translation>
    </message>
    <message>
        <source>More toolbar buttons</source>
        <translation>⟦Möŕé ţööļƀåŕ ƀûţţöñš~~~~~~⟧</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>⟦&amp;Fîļé~⟧</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>⟦&amp;Vîéŵ~⟧</translation>
    </message>
    <message>
        <source>&amp;Customer</source>
        <translation>⟦&amp;Çûšţöméŕ~~~⟧</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>⟦&amp;Ĥéļp~⟧</translation>
    </message>
    <message>
        <source>Copy &amp;email</source>
        <translation>⟦Çöpý &amp;émåîļ~~~⟧</translation>
    </message>
    <message>
        <source>Copy customer &amp;ID</source>
        <translation>⟦Çöpý çûšţöméŕ &amp;ÎÐ~~~~~⟧</translation>
    </message>
    <message>
        <source>Copy &amp;row</source>
        <translation>⟦Çöpý &amp;ŕöŵ~~⟧</translation>
    </message>
    <message>
        <source>&amp;Copy the selected rows</source>
        <translation>⟦&amp;Çöpý ţĥé šéļéçţéđ ŕöŵš~~~~~~~⟧</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Billie Desktop</source>
        <translation>⟦Ɓîļļîé Ðéšķţöp~~~~~⟧</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>⟦Öŕĝåñîšåţîöñ~~~~⟧</translation>
    </message>
    <message>
        <source>Loading your organisations…</source>
        <translation>⟦Ļöåđîñĝ ýöûŕ öŕĝåñîšåţîöñš…~~~~~~~~⟧</translation>
    </message>
    <message>
        <source>Your account is not a member of any organisation.</source>
        <translation>⟦Ýöûŕ åççöûñţ îš ñöţ å mémƀéŕ öf åñý öŕĝåñîšåţîöñ.~~~~~~~~~~~~~~⟧</translation>
    </message>
    <message>
        <source>Linked {0} to {1}.</source>
        <translation>⟦Ļîñķéđ {0} ţö {1}.~~~⟧</translation>
    </message>
    <message>
        <source>Your session expired and you chose to sign out. Sign in again to carry on.</source>
        <translation>⟦Ýöûŕ šéššîöñ éxpîŕéđ åñđ ýöû çĥöšé ţö šîĝñ öûţ. Šîĝñ îñ åĝåîñ ţö çåŕŕý öñ.~~~~~~~~~~~~~~~~~~~~⟧</translation>
    </message>
    <message>
        <source>You have signed out.</source>
        <translation>⟦Ýöû ĥåvé šîĝñéđ öûţ.~~~~~~⟧</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>⟦Çöññéçţéđ~~~⟧</translation>
    </message>
    <message>
        <source>Offline: cannot reach the server</source>
        <translation>⟦Öffļîñé: çåññöţ ŕéåçĥ ţĥé šéŕvéŕ~~~~~~~~~⟧</translation>
    </message>
    <message>
        <source>Server: {0}</source>
        <translation>⟦Šéŕvéŕ: {0}~~⟧</translation>
    </message>
    <message>
        <source>Signed in as {0}</source>
        <translation>⟦Šîĝñéđ îñ åš {0}~~~~⟧</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>⟦&amp;Ţĥémé~~⟧</translation>
    </message>
    <message>
        <source>&amp;System</source>
        <translation>⟦&amp;Šýšţém~~⟧</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>⟦&amp;Ļîĝĥţ~~⟧</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>⟦&amp;Ðåŕķ~⟧</translation>
    </message>
</context>
<context>
    <name>Pace</name>
    <message>
        <source>the server&apos;s answers are slowing</source>
        <translation>⟦ţĥé šéŕvéŕ'š åñšŵéŕš åŕé šļöŵîñĝ~~~~~~~~~⟧</translation>
    </message>
    <message>
        <source>the server asked to wait {0:.0f} s (HTTP {1})</source>
        <translation>⟦ţĥé šéŕvéŕ åšķéđ ţö ŵåîţ {0:.0f} š (ĤŢŢP {1})~~~~~~~~~⟧</translation>
    </message>
    <message>
        <source>the server was busy (HTTP {1})</source>
        <translation>⟦ţĥé šéŕvéŕ ŵåš ƀûšý (ĤŢŢP {1})~~~~~~~⟧</translation>
    </message>
    <message>
        <source>an answer took too long</source>
        <translation>⟦åñ åñšŵéŕ ţööķ ţöö ļöñĝ~~~~~~~⟧</translation>
    </message>
</context>
<context>
    <name>PasswordPrompt</name>
    <message>
        <source>Session expired</source>
        <translation>⟦Šéššîöñ éxpîŕéđ~~~~~⟧</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>⟦Påššŵöŕđ~~~⟧</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>⟦Šîĝñ îñ~~⟧</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>⟦Šîĝñ öûţ~~⟧</translation>
    </message>
    <message>
        <source>Enter your password.</source>
        <translation>⟦Éñţéŕ ýöûŕ påššŵöŕđ.~~~~~~⟧</translation>
    </message>
    <message>
        <source>Your session has expired. Enter the password for {0} to carry on where you left off.</source>
        <translation>⟦Ýöûŕ šéššîöñ ĥåš éxpîŕéđ. Éñţéŕ ţĥé påššŵöŕđ föŕ {0} ţö çåŕŕý öñ ŵĥéŕé ýöû ļéfţ öff.~~~~~~~~~~~~~~~~~~~~~~⟧</translation>
    </message>
</context>
<context>
    <name>PromptGuard</name>
    <message>
        <source>Session expired: waiting for your password</source>
        <translation>⟦Šéššîöñ éxpîŕéđ: ŵåîţîñĝ föŕ ýöûŕ påššŵöŕđ~~~~~~~~~~~~~⟧</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>⟦Çöññéçţéđ~~~⟧</translation>
    </message>
    <message>
        <source>Signed in as {0}</source>
        <translation>⟦Šîĝñéđ îñ åš {0}~~~~⟧</translation>
    </message>
</context>
<context>
    <name>SearchBar</name>
    <message>
        <source>Search name, email, phone, licence, suburb or postcode  (Ctrl+F)</source>
        <translation>⟦Šéåŕçĥ ñåmé, émåîļ, pĥöñé, ļîçéñçé, šûƀûŕƀ öŕ pöšţçöđé  (Çţŕļ+F)~~~~~~~~~~~~~~~~~⟧</translation>
    </message>
    <message>
        <source>Search customers</source>
        <translation>⟦Šéåŕçĥ çûšţöméŕš~~~~~⟧</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>⟦Šĥöŵ~⟧</translation>
    </message>
    <message>
        <source>All customers</source>
        <translation>⟦Åļļ çûšţöméŕš~~~~⟧</translation>
    </message>
    <message>
        <source>Not linked</source>
        <translation>⟦Ñöţ ļîñķéđ~~~⟧</translation>
    </message>
    <message>
        <source>Linked</source>
        <translation>⟦Ļîñķéđ~~⟧</translation>
    </message>
</context>
<context>
    <name>Session</name>
    <message>
        <source>sandbox</source>
        <translation>⟦šåñđƀöx~~⟧</translation>
    </message>
    <message>
        <source>Billie Desktop</source>
        <translation>⟦Ɓîļļîé Ðéšķţöp~~~~~⟧</translation>
    </message>
    <message>
        <source>{0} – Billie Desktop</source>
        <translation>⟦{0} – Ɓîļļîé Ðéšķţöp~~~~~⟧</translation>
    </message>
    <message>
        <source>{0} on {1} – Billie Desktop</source>
        <translation>⟦{0} öñ {1} – Ɓîļļîé Ðéšķţöp~~~~~⟧</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts – Billie Desktop</source>
        <translation>⟦Ķéýƀöåŕđ šĥöŕţçûţš – Ɓîļļîé Ðéšķţöp~~~~~~~~~~⟧</translation>
    </message>
    <message>
        <source>Type to find a shortcut or a command</source>
        <translation>⟦Ţýpé ţö fîñđ å šĥöŕţçûţ öŕ å çömmåñđ~~~~~~~~~~⟧</translation>
    </message>
    <message>
        <source>Find a shortcut</source>
        <translation>⟦Fîñđ å šĥöŕţçûţ~~~~~⟧</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>⟦Ķéýš~⟧</translation>
    </message>
    <message>
        <source>What they do</source>
        <translation>⟦Ŵĥåţ ţĥéý đö~~~~⟧</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>⟦Ķéýƀöåŕđ šĥöŕţçûţš~~~~~~⟧</translation>
    </message>
</context>
<context>
    <name>SideWindows</name>
    <message>
        <source>The activity journal could not be opened: see the log.</source>
        <translation>⟦Ţĥé åçţîvîţý ĵöûŕñåļ çöûļđ ñöţ ƀé öpéñéđ: šéé ţĥé ļöĝ.~~~~~~~~~~~~~~~⟧</translation>
    </message>
    <message>
        <source>That organisation is not one of yours on this server.</source>
        <translation>⟦Ţĥåţ öŕĝåñîšåţîöñ îš ñöţ öñé öf ýöûŕš öñ ţĥîš šéŕvéŕ.~~~~~~~~~~~~~~~⟧</translation>
    </message>
    <message>
        <source>That run was made on another server or in an organisation that is not one of yours here.</source>
        <translation>⟦Ţĥåţ ŕûñ ŵåš måđé öñ åñöţĥéŕ šéŕvéŕ öŕ îñ åñ öŕĝåñîšåţîöñ ţĥåţ îš ñöţ öñé öf ýöûŕš ĥéŕé.~~~~~~~~~~~~~~~~~~~~~~~~⟧</translation>
    </message>
</context>
<context>
    <name>SignInWindow</name>
    <message>
        <source>Sign in – Billie Desktop</source>
        <translation>⟦Šîĝñ îñ – Ɓîļļîé Ðéšķţöp~~~~~~~⟧</translation>
    </message>
    <message>
        <source>Billie Desktop</source>
        <translation>⟦Ɓîļļîé Ðéšķţöp~~~~~⟧</translation>
    </message>
    <message>
        <source>Sign in to manage your organisation&apos;s customers.</source>
        <translation>⟦Šîĝñ îñ ţö måñåĝé ýöûŕ öŕĝåñîšåţîöñ'š çûšţöméŕš.~~~~~~~~~~~~~~⟧</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>⟦Šéŕvéŕ~~⟧</translation>
    </message>
    <message>
        <source>Custom server…</source>
        <translation>⟦Çûšţöm šéŕvéŕ…~~~~⟧</translation>
    </message>
    <message>
        <source>Custom server address</source>
        <translation>⟦Çûšţöm šéŕvéŕ åđđŕéšš~~~~~~~⟧</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>⟦Ûšéŕ ñåmé~~~⟧</translation>
    </message>
    <message>
        <source>you@example.com.au</source>
        <translation>⟦ýöû@éxåmpļé.çöm.åû~~~~~⟧</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>⟦Påššŵöŕđ~~~⟧</translation>
    </message>
    <message>
        <source>Remember me on this computer</source>
        <translation>⟦Ŕémémƀéŕ mé öñ ţĥîš çömpûţéŕ~~~~~~~~⟧</translation>
    </message>
    <message>
        <source>Remember me</source>
        <translation>⟦Ŕémémƀéŕ mé~~~~⟧</translation>
    </message>
    <message>
        <source>Server:</source>
        <translation>⟦Šéŕvéŕ:~~⟧</translation>
    </message>
    <message>
        <source>User name:</source>
        <translation>⟦Ûšéŕ ñåmé:~~~⟧</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>⟦Påššŵöŕđ:~~~⟧</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>⟦Šîĝñ îñ~~⟧</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>⟦Çåñçéļ~~⟧</translation>
    </message>
    <message>
        <source>Cancel signing in</source>
        <translation>⟦Çåñçéļ šîĝñîñĝ îñ~~~~~⟧</translation>
    </message>
    <message>
        <source>Starting the sandbox on this computer…</source>
        <translation>⟦Šţåŕţîñĝ ţĥé šåñđƀöx öñ ţĥîš çömpûţéŕ…~~~~~~~~~~~⟧</translation>
    </message>
    <message>
        <source>Signing in was cancelled.</source>
        <translation>⟦Šîĝñîñĝ îñ ŵåš çåñçéļļéđ.~~~~~~~⟧</translation>
    </message>
    <message>
        <source>Signed out.</source>
        <translation>⟦Šîĝñéđ öûţ.~~~⟧</translation>
    </message>
    <message>
        <source>Enter the server address.</source>
        <translation>⟦Éñţéŕ ţĥé šéŕvéŕ åđđŕéšš.~~~~~~~⟧</translation>
    </message>
    <message>
        <source>Enter your user name.</source>
        <translation>⟦Éñţéŕ ýöûŕ ûšéŕ ñåmé.~~~~~~⟧</translation>
    </message>
    <message>
        <source>Enter your password.</source>
        <translation>⟦Éñţéŕ ýöûŕ påššŵöŕđ.~~~~~~⟧</translation>
    </message>
    <message>
        <source>Staging ({0})</source>
        <translation>⟦Šţåĝîñĝ ({0})~~⟧</translation>
    </message>
    <message>
        <source>Sandbox on this computer ({0})</source>
        <translation>⟦Šåñđƀöx öñ ţĥîš çömpûţéŕ ({0})~~~~~~~⟧</translation>
    </message>
    <message>
        <source>The sandbox could not start: {0}</source>
        <translation>⟦Ţĥé šåñđƀöx çöûļđ ñöţ šţåŕţ: {0}~~~~~~~~⟧</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>⟦Šîĝñ öûţ~~⟧</translation>
    </message>
    <message>
        <source>{0} is signed in, but this console needs the manager role, which this account does not have. Ask your Billiecart administrator for it, or sign in with a manager account.</source>
        <translation>⟦{0} îš šîĝñéđ îñ, ƀûţ ţĥîš çöñšöļé ñééđš ţĥé måñåĝéŕ ŕöļé, ŵĥîçĥ ţĥîš åççöûñţ đöéš ñöţ ĥåvé. Åšķ ýöûŕ Ɓîļļîéçåŕţ åđmîñîšţŕåţöŕ föŕ îţ, öŕ šîĝñ îñ ŵîţĥ å måñåĝéŕ åççöûñţ.~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~⟧</translation>
    </message>
</context>
<context>
    <name>StopFirst</name>
    <message>
        <source>Stop and close?</source>
        <translation>⟦Šţöp åñđ çļöšé?~~~~⟧</translation>
    </message>
    <message>
        <source>Stop and close</source>
        <translation>⟦Šţöp åñđ çļöšé~~~~⟧</translation>
    </message>
    <message>
        <source>Stop and sign out?</source>
        <translation>⟦Šţöp åñđ šîĝñ öûţ?~~~~~⟧</translation>
    </message>
    <message>
        <source>Stop and sign out</source>
        <translation>⟦Šţöp åñđ šîĝñ öûţ~~~~~⟧</translation>
    </message>
    <message>
        <source>Stop and switch organisation?</source>
        <translation>⟦Šţöp åñđ šŵîţçĥ öŕĝåñîšåţîöñ?~~~~~~~~~⟧</translation>
    </message>
    <message>
        <source>Stop and switch</source>
        <translation>⟦Šţöp åñđ šŵîţçĥ~~~~~⟧</translation>
    </message>
    <message>
        <source>Work in progress</source>
        <translation>⟦Ŵöŕķ îñ pŕöĝŕéšš~~~~~⟧</translation>
    </message>
    <message>
        <source>Nothing new is sent. The answers already on their way are awaited and recorded in View ▸ Activity; any that do not come are checked at the next sign-in.</source>
        <translation>⟦Ñöţĥîñĝ ñéŵ îš šéñţ. Ţĥé åñšŵéŕš åļŕéåđý öñ ţĥéîŕ ŵåý åŕé åŵåîţéđ åñđ ŕéçöŕđéđ îñ Vîéŵ ▸ Åçţîvîţý; åñý ţĥåţ đö ñöţ çömé åŕé çĥéçķéđ åţ ţĥé ñéxţ šîĝñ-îñ.~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~⟧</translation>
    </message>
    <message>
        <source>Keep working</source>
        <translation>⟦Ķéép ŵöŕķîñĝ~~~~⟧</translation>
    </message>
    <message>
        <source>Stopping: waiting for the answers already on their way…</source>
        <translation>⟦Šţöppîñĝ: ŵåîţîñĝ föŕ ţĥé åñšŵéŕš åļŕéåđý öñ ţĥéîŕ ŵåý…~~~~~~~~~~~~~~~~⟧</translation>
    </message>
</context>
<context>
    <name>UndoLast</name>
    <message>
        <source>Undo</source>
        <translation>⟦Ûñđö~⟧</translation>
    </message>
    <message>
        <source>Undo the link just made</source>
        <translation>⟦Ûñđö ţĥé ļîñķ ĵûšţ måđé~~~~~~~⟧</translation>
    </message>
    <message>
        <source>Remove the link to the customer&apos;s user account</source>
        <translation>⟦Ŕémövé ţĥé ļîñķ ţö ţĥé çûšţöméŕ'š ûšéŕ åççöûñţ~~~~~~~~~~~~~⟧</translation>
    </message>
</context>
<context>
    <name>UndoOne</name>
    <message>
        <source>Only a link that was made can be undone (not a failed one, nor an undo, nor one recorded before this version).</source>
        <translation>⟦Öñļý å ļîñķ ţĥåţ ŵåš måđé çåñ ƀé ûñđöñé (ñöţ å fåîļéđ öñé, ñöŕ åñ ûñđö, ñöŕ öñé ŕéçöŕđéđ ƀéföŕé ţĥîš véŕšîöñ).~~~~~~~~~~~~~~~~~~~~~~~~~~~~~⟧</translation>
    </message>
    <message>
        <source>This change was made on {0}: sign in there to undo it.</source>
        <translation>⟦Ţĥîš çĥåñĝé ŵåš måđé öñ {0}: šîĝñ îñ ţĥéŕé ţö ûñđö îţ.~~~~~~~~~~~~~⟧</translation>
    </message>
    <message>
        <source>{0} is not one of your organisations on this server.</source>
        <translation>⟦{0} îš ñöţ öñé öf ýöûŕ öŕĝåñîšåţîöñš öñ ţĥîš šéŕvéŕ.~~~~~~~~~~~~~~⟧</translation>
    </message>
    <message>
        <source>This server does not offer removing a link, so a link made where there was none cannot be undone from the console.</source>
        <translation>⟦Ţĥîš šéŕvéŕ đöéš ñöţ öfféŕ ŕémövîñĝ å ļîñķ, šö å ļîñķ måđé ŵĥéŕé ţĥéŕé ŵåš ñöñé çåññöţ ƀé ûñđöñé fŕöm ţĥé çöñšöļé.~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~⟧</translation>
    </message>
    <message>
        <source>Organisation: {0}
Server: {1}</source>
        <translation>⟦Öŕĝåñîšåţîöñ: {0}
Šéŕvéŕ: {1}~~~~~~⟧</translation>
    </message>
    <message>
        <source>The customer is read back first: if its link has changed since, nothing is changed.</source>
        <translation>⟦Ţĥé çûšţöméŕ îš ŕéåđ ƀåçķ fîŕšţ: îf îţš ļîñķ ĥåš çĥåñĝéđ šîñçé, ñöţĥîñĝ îš çĥåñĝéđ.~~~~~~~~~~~~~~~~~~~~~~~⟧</translation>
    </message>
    <message>
        <source>Remove the link between {0} and {1}?</source>
        <translation>⟦Ŕémövé ţĥé ļîñķ ƀéţŵééñ {0} åñđ {1}?~~~~~~~~⟧</translation>
    </message>
    <message>
        <source>Remove link</source>
        <translation>⟦Ŕémövé ļîñķ~~~~⟧</translation>
    </message>
    <message>
        <source>Put back {0}&apos;s previous link? It is linked to {1}; it will be linked to {2} again.</source>
        <translation>⟦Pûţ ƀåçķ {0}'š pŕévîöûš ļîñķ? Îţ îš ļîñķéđ ţö {1}; îţ ŵîļļ ƀé ļîñķéđ ţö {2} åĝåîñ.~~~~~~~~~~~~~~~~~~~⟧</translation>
    </message>
    <message>
        <source>Put back</source>
        <translation>⟦Pûţ ƀåçķ~~⟧</translation>
    </message>
    <message>
        <source>Undo a change</source>
        <translation>⟦Ûñđö å çĥåñĝé~~~~⟧</translation>
    </message>
    <message>
        <source>Undone:</source>
        <translation>⟦Ûñđöñé:~~⟧</translation>
    </message>
    <message>
        <source>This server does not offer removing a link.</source>
        <translation>⟦Ţĥîš šéŕvéŕ đöéš ñöţ öfféŕ ŕémövîñĝ å ļîñķ.~~~~~~~~~~~~⟧</translation>
    </message>
    <message>
        <source>Remove a link</source>
        <translation>⟦Ŕémövé å ļîñķ~~~~⟧</translation>
    </message>
    <message>
        <source>Done:</source>
        <translation>⟦Ðöñé:~⟧</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>⟦Çåñçéļ~~⟧</translation>
    </message>
    <message>
        <source>Not done: {0}&apos;s link has changed since, so nothing was changed.</source>
        <translation>⟦Ñöţ đöñé: {0}'š ļîñķ ĥåš çĥåñĝéđ šîñçé, šö ñöţĥîñĝ ŵåš çĥåñĝéđ.~~~~~~~~~~~~~~~~⟧</translation>
    </message>
    <message>
        <source>Not done: the answer was lost, and reading the customer back shows no change.</source>
        <translation>⟦Ñöţ đöñé: ţĥé åñšŵéŕ ŵåš ļöšţ, åñđ ŕéåđîñĝ ţĥé çûšţöméŕ ƀåçķ šĥöŵš ñö çĥåñĝé.~~~~~~~~~~~~~~~~~~~~~⟧</translation>
    </message>
    <message>
        <source>The change was sent but its answer was lost ({0}); it is checked at the next sign-in.</source>
        <translation>⟦Ţĥé çĥåñĝé ŵåš šéñţ ƀûţ îţš åñšŵéŕ ŵåš ļöšţ ({0}); îţ îš çĥéçķéđ åţ ţĥé ñéxţ šîĝñ-îñ.~~~~~~~~~~~~~~~~~~~~~⟧</translation>
    </message>
    <message>
        <source>Not done: {0}</source>
        <translation>⟦Ñöţ đöñé: {0}~~⟧</translation>
    </message>
    <message>
        <source>{3} {0} is no longer linked to {1}.</source>
        <translation>⟦{3} {0} îš ñö ļöñĝéŕ ļîñķéđ ţö {1}.~~~~~~⟧</translation>
    </message>
    <message>
        <source>{3} {0} is linked to {2} again (not {1}).</source>
        <translation>⟦{3} {0} îš ļîñķéđ ţö {2} åĝåîñ (ñöţ {1}).~~~~~~⟧</translation>
    </message>
</context>
<context>
    <name>UndoRunWindow</name>
    <message>
        <source>Undo every link of the run still in place</source>
        <translation>⟦Ûñđö évéŕý ļîñķ öf ţĥé ŕûñ šţîļļ îñ pļåçé~~~~~~~~~~~~⟧</translation>
    </message>
    <message>
        <source>Undo the Link by email run of {0} – {1}</source>
        <translation>⟦Ûñđö ţĥé Ļîñķ ƀý émåîļ ŕûñ öf {0} – {1}~~~~~~~~⟧</translation>
    </message>
    <message>
        <source>Each link this run made in {0} is read back from the server. Those still in place are listed: Apply removes them, so each customer has no user account again. A customer whose link has changed since is left as it is. Untick any you want to keep.</source>
        <translation>⟦Éåçĥ ļîñķ ţĥîš ŕûñ måđé îñ {0} îš ŕéåđ ƀåçķ fŕöm ţĥé šéŕvéŕ. Ţĥöšé šţîļļ îñ pļåçé åŕé ļîšţéđ: Åppļý ŕémövéš ţĥém, šö éåçĥ çûšţöméŕ ĥåš ñö ûšéŕ åççöûñţ åĝåîñ. Å çûšţöméŕ ŵĥöšé ļîñķ ĥåš çĥåñĝéđ šîñçé îš ļéfţ åš îţ îš. Ûñţîçķ åñý ýöû ŵåñţ ţö ķéép.~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~⟧</translation>
    </message>
    <message>
        <source>Read back from the server in {0:.1f} s. Review what will change, then Apply.</source>
        <translation>⟦Ŕéåđ ƀåçķ fŕöm ţĥé šéŕvéŕ îñ {0:.1f} š. Ŕévîéŵ ŵĥåţ ŵîļļ çĥåñĝé, ţĥéñ Åppļý.~~~~~~~~~~~~~~~~~~~⟧</translation>
    </message>
    <message>
        <source>Remove 1 link</source>
        <translation>⟦Ŕémövé 1 ļîñķ~~~~⟧</translation>
    </message>
    <message>
        <source>Undo a Link by email run</source>
        <translation>⟦Ûñđö å Ļîñķ ƀý émåîļ ŕûñ~~~~~~~⟧</translation>
    </message>
    <message>
        <source>Remove {0:,} links</source>
        <translation>⟦Ŕémövé {0:,} ļîñķš~~~~⟧</translation>
    </message>
    <message>
        <source>{0} the run of {3} made in {1}? Each customer will have no user account.

Server: {2}

Each customer is read back first: one whose link has changed since is left as it is.</source>
        <translation>⟦{0} ţĥé ŕûñ öf {3} måđé îñ {1}? Éåçĥ çûšţöméŕ ŵîļļ ĥåvé ñö ûšéŕ åççöûñţ.

Šéŕvéŕ: {2}

Éåçĥ çûšţöméŕ îš ŕéåđ ƀåçķ fîŕšţ: öñé ŵĥöšé ļîñķ ĥåš çĥåñĝéđ šîñçé îš ļéfţ åš îţ îš.~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~⟧</translation>
    </message>
    <message>
        <source>Links of the run still in place: {0:,}   ·   Changed since (left alone): {1:,}</source>
        <translation>⟦Ļîñķš öf ţĥé ŕûñ šţîļļ îñ pļåçé: {0:,}   ·   Çĥåñĝéđ šîñçé (ļéfţ åļöñé): {1:,}~~~~~~~~~~~~~~~~⟧</translation>
    </message>
    <message>
        <source>To unlink ({0:,}): each customer and the account the run linked</source>
        <translation>⟦Ţö ûñļîñķ ({0:,}): éåçĥ çûšţöméŕ åñđ ţĥé åççöûñţ ţĥé ŕûñ ļîñķéđ~~~~~~~~~~~~~~~~⟧</translation>
    </message>
</context>
<context>
    <name>UserGuide</name>
    <message>
        <source>User guide – Billie Desktop</source>
        <translation>⟦Ûšéŕ ĝûîđé – Ɓîļļîé Ðéšķţöp~~~~~~~~⟧</translation>
    </message>
    <message>
        <source>User guide</source>
        <translation>⟦Ûšéŕ ĝûîđé~~~⟧</translation>
    </message>
</context>
</TS>
