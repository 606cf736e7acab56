<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="id_ID">
<context>
    <name>ActionStepPage</name>
    <message>
        <location filename="../../faskim_desktop/gui/pages/base.py" line="47"/>
        <source>Nomor permohonan:</source>
        <translation>Application no.:</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/base.py" line="48"/>
        <source>Tahap:</source>
        <translation>Stage:</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/base.py" line="69"/>
        <source>Berkas ini menunggu tindakan dari: %1</source>
        <translation>This file is awaiting action by: %1</translation>
    </message>
</context>
<context>
    <name>AdminPage</name>
    <message>
        <location filename="../../faskim_desktop/gui/pages/admin.py" line="82"/>
        <source>Pengguna &amp;&amp; peran</source>
        <translation>Users &amp;&amp; roles</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/admin.py" line="83"/>
        <source>Tarif PNBP</source>
        <translation>PNBP fees</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/admin.py" line="84"/>
        <source>Kantor</source>
        <translation>Office</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/admin.py" line="94"/>
        <source>Nama pengguna</source>
        <translation>Username</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/admin.py" line="94"/>
        <source>Nama lengkap</source>
        <translation>Full name</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/admin.py" line="94"/>
        <source>Peran</source>
        <translation>Roles</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/admin.py" line="95"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/admin.py" line="102"/>
        <source>&amp;Tambah pengguna…</source>
        <translation>&amp;Add user…</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/admin.py" line="104"/>
        <source>&amp;Ubah peran/kata sandi…</source>
        <translation>&amp;Edit roles/password…</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/admin.py" line="106"/>
        <source>Aktif/&amp;nonaktifkan</source>
        <translation>Activate/&amp;deactivate</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/admin.py" line="157"/>
        <source>Berlaku mulai</source>
        <translation>Effective from</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/admin.py" line="157"/>
        <source>Tarif (Rp)</source>
        <translation>Fee (Rp)</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/admin.py" line="157"/>
        <source>Diatur oleh</source>
        <translation>Set by</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/admin.py" line="169"/>
        <source>Tambah &amp;tarif</source>
        <translation>Add &amp;new fee</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/admin.py" line="172"/>
        <source>Tarif baru (Rp):</source>
        <translation>New fee (Rp):</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/admin.py" line="174"/>
        <source>berlaku mulai:</source>
        <translation>effective from:</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/admin.py" line="178"/>
        <source>Tarif lama tetap tersimpan; tarif yang berlaku ditentukan oleh tanggal pembayaran.</source>
        <translation>Earlier fees are kept; the fee that applies is set by the payment date.</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/admin.py" line="203"/>
        <source>Nama kantor</source>
        <translation>Office name</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/admin.py" line="203"/>
        <source>Kode kantor</source>
        <translation>Office code</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/admin.py" line="204"/>
        <source>Alamat</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/admin.py" line="205"/>
        <source>Format nomor permohonan</source>
        <translation>Application number format</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/admin.py" line="206"/>
        <source>Format nomor kuitansi</source>
        <translation>Receipt number format</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/admin.py" line="207"/>
        <source>Format nomor register</source>
        <translation>Register number format</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/admin.py" line="212"/>
        <source>nama pengguna, dipisah koma</source>
        <translation>usernames, separated by commas</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/admin.py" line="213"/>
        <source>Pejabat yang ditunjuk menandatangani</source>
        <translation>Officials designated to sign</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/admin.py" line="216"/>
        <source>Hanya foto (tanpa sidik jari) di bawah usia</source>
        <translation>Photo only (no fingerprints) under the age of</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/admin.py" line="217"/>
        <source>&amp;Simpan pengaturan kantor</source>
        <translation>&amp;Save office settings</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/admin.py" line="240"/>
        <source>Pengaturan kantor</source>
        <translation>Office settings</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/admin.py" line="241"/>
        <source>Format penomoran tidak valid. Gunakan {office}, {year} dan {seq:06d}.</source>
        <translation>Invalid numbering format. Use {office}, {year} and {seq:06d}.</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/admin.py" line="270"/>
        <source>aktif</source>
        <translation>active</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/admin.py" line="270"/>
        <source>nonaktif</source>
        <translation>inactive</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/admin.py" line="272"/>
        <source> (terkunci)</source>
        <translation> (locked)</translation>
    </message>
</context>
<context>
    <name>Application</name>
    <message>
        <location filename="../../faskim_desktop/gui/app.py" line="61"/>
        <source>Faskim Desktop — Masuk kursi kedua</source>
        <translation>Faskim Desktop — Log in (second seat)</translation>
    </message>
</context>
<context>
    <name>ArsipPage</name>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_arsip.py" line="57"/>
        <source>Belum ada pindaian kartu</source>
        <translation>No card scan yet</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_arsip.py" line="58"/>
        <source>Pindaian kartu: 0 halaman</source>
        <translation>Card scan: 0 pages</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_arsip.py" line="59"/>
        <source>&amp;Pindai fotokopi kartu</source>
        <translation>&amp;Scan card photocopy</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_arsip.py" line="61"/>
        <source>&amp;Arsipkan dan tutup berkas</source>
        <translation>&amp;Archive and close file</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_arsip.py" line="73"/>
        <source>Manifes arsip (SHA-256):</source>
        <translation>Archive manifest (SHA-256):</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_arsip.py" line="76"/>
        <source>Berkas</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_arsip.py" line="76"/>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_arsip.py" line="76"/>
        <source>Ukuran (bita)</source>
        <translation>Size (bytes)</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_arsip.py" line="86"/>
        <source>&amp;Ekspor ZIP ke folder…</source>
        <translation>&amp;Export ZIP to folder…</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_arsip.py" line="88"/>
        <source>&amp;Selesai</source>
        <translation>&amp;Done</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_arsip.py" line="125"/>
        <source>Berkas %1 · nomor register %2 · %3. Pindai fotokopi kartu yang telah diserahkan, lalu arsipkan.</source>
        <translation>File %1 · register no. %2 · %3. Scan the photocopy of the card handed over, then archive.</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_arsip.py" line="144"/>
        <source>Pindaian kartu: %1 halaman</source>
        <translation>Card scan: %1 page(s)</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_arsip.py" line="152"/>
        <source>Memproses… memindai.</source>
        <translation>Processing… scanning.</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_arsip.py" line="182"/>
        <source>Pindaian kartu tersimpan. Arsipkan berkas bila sudah lengkap.</source>
        <translation>Card scan saved. Archive the file once it is complete.</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_arsip.py" line="195"/>
        <source>Memproses… arsip disusun.</source>
        <translation>Processing… building the archive.</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_arsip.py" line="216"/>
        <source>Berkas diarsip dan ditutup (%1 berkas dalam arsip, manifes %2). Berkas kini hanya-baca.</source>
        <translation>File archived and closed (%1 files in the archive, manifest %2). The file is now read-only.</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_arsip.py" line="218"/>
        <source>utuh</source>
        <translation>intact</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_arsip.py" line="218"/>
        <source>TIDAK UTUH</source>
        <translation>NOT INTACT</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_arsip.py" line="228"/>
        <source>Pilih folder tujuan ekspor arsip</source>
        <translation>Choose a folder to export the archive to</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_arsip.py" line="242"/>
        <source>Arsip tidak dapat ditulis ke %1 (%2).</source>
        <translation>The archive could not be written to %1 (%2).</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_arsip.py" line="247"/>
        <source>Arsip diekspor ke %1.</source>
        <translation>Archive exported to %1.</translation>
    </message>
</context>
<context>
    <name>BiometrikPage</name>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_biometrik.py" line="98"/>
        <source>Kamera belum dinyalakan.</source>
        <translation>The camera is off.</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_biometrik.py" line="102"/>
        <location filename="../../faskim_desktop/gui/pages/step_biometrik.py" line="315"/>
        <source>&amp;Nyalakan kamera</source>
        <translation>Start &amp;camera</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_biometrik.py" line="104"/>
        <source>&amp;Ambil foto</source>
        <translation>&amp;Take photo</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_biometrik.py" line="106"/>
        <source>Ambil &amp;otomatis bila semua syarat terpenuhi</source>
        <translation>Take &amp;automatically when all checks pass</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_biometrik.py" line="109"/>
        <source>Pemeriksaan foto (langsung)</source>
        <translation>Photo checks (live)</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_biometrik.py" line="117"/>
        <location filename="../../faskim_desktop/gui/pages/step_biometrik.py" line="209"/>
        <source>Foto kartu
belum diambil</source>
        <translation>Card photo
not taken yet</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_biometrik.py" line="123"/>
        <location filename="../../faskim_desktop/gui/pages/step_biometrik.py" line="242"/>
        <source>Foto cip
paspor
tidak ada</source>
        <translation>No photo
from the
passport chip</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_biometrik.py" line="127"/>
        <source>Foto dari cip paspor (dibaca pada langkah 3)</source>
        <translation>Photo from the passport chip (read at step 3)</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_biometrik.py" line="140"/>
        <source>Foto pemohon</source>
        <translation>Applicant photo</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_biometrik.py" line="152"/>
        <source>&amp;Pindai jari berikutnya</source>
        <translation>Scan &amp;next finger</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_biometrik.py" line="157"/>
        <source>mis. jari diperban / cacat / tidak terbaca</source>
        <translation>e.g. finger bandaged / missing / unreadable</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_biometrik.py" line="159"/>
        <source>supervisor</source>
        <translation>supervisor</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_biometrik.py" line="162"/>
        <source>Catat pen&amp;gecualian</source>
        <translation>Record &amp;exception</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_biometrik.py" line="164"/>
        <source>Jari tidak dapat diambil (perlu supervisor)</source>
        <translation>Finger cannot be captured (supervisor needed)</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_biometrik.py" line="166"/>
        <source>Jari:</source>
        <translation>Finger:</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_biometrik.py" line="167"/>
        <source>Alasan:</source>
        <translation>Reason:</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_biometrik.py" line="168"/>
        <source>Supervisor:</source>
        <translation>Supervisor:</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_biometrik.py" line="169"/>
        <source>Kata sandi:</source>
        <translation>Password:</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_biometrik.py" line="171"/>
        <source>Sidik jari</source>
        <translation>Fingerprints</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_biometrik.py" line="184"/>
        <source>&amp;Simpan biometrik &amp;&amp; lanjut</source>
        <translation>&amp;Save biometrics &amp;&amp; continue</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_biometrik.py" line="257"/>
        <source>Pemohon anak di bawah batas usia kantor: cukup foto wajah, sidik jari tidak diambil.</source>
        <translation>The child is under the office age limit: a face photo is enough; no fingerprints are taken.</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_biometrik.py" line="260"/>
        <source>Jari yang diambil sesuai pengaturan kantor. Hasil terbaik yang dipakai; batas pengambilan ulang berlaku.</source>
        <translation>Fingers are captured as the office has set. The best result is kept; the retry limit applies.</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_biometrik.py" line="275"/>
        <source>Pindai</source>
        <translation>Scan</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_biometrik.py" line="290"/>
        <source>Pengecualian: %1</source>
        <translation>Exception: %1</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_biometrik.py" line="292"/>
        <source>✔ kualitas %1 (%2×)</source>
        <translation>✔ quality %1 (%2×)</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_biometrik.py" line="295"/>
        <source>✘ kualitas kurang (%1×)</source>
        <translation>✘ quality too low (%1×)</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_biometrik.py" line="296"/>
        <source>belum</source>
        <translation>not yet</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_biometrik.py" line="309"/>
        <source>&amp;Matikan kamera</source>
        <translation>Stop ca&amp;mera</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_biometrik.py" line="310"/>
        <source>Kamera menyala. Arahkan wajah pemohon ke tengah bingkai.</source>
        <translation>Camera on. Centre the applicant&apos;s face in the frame.</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_biometrik.py" line="357"/>
        <source>Kamera berhenti.</source>
        <translation>Camera stopped.</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_biometrik.py" line="358"/>
        <source>Kamera berhenti: %1 Periksa kabel/kamera lalu tekan Nyalakan kamera untuk mencoba lagi.</source>
        <translation>Camera stopped: %1 Check the cable/camera, then press Start camera to try again.</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_biometrik.py" line="402"/>
        <source>Nyalakan kamera dulu; foto diambil dari gambar langsung.</source>
        <translation>Start the camera first; the photo is taken from the live image.</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_biometrik.py" line="405"/>
        <source>Foto belum dapat diambil: %1</source>
        <translation>The photo cannot be taken yet: %1</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_biometrik.py" line="432"/>
        <source> Catatan: belum memenuhi %1.</source>
        <translation> Note: does not yet meet %1.</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_biometrik.py" line="433"/>
        <source>Foto diambil otomatis dan disimpan (terenkripsi).</source>
        <translation>Photo taken automatically and saved (encrypted).</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_biometrik.py" line="434"/>
        <source>Foto diambil dan disimpan (terenkripsi).</source>
        <translation>Photo taken and saved (encrypted).</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_biometrik.py" line="454"/>
        <source>Semua sidik jari yang diperlukan sudah lengkap.</source>
        <translation>All required fingerprints are captured.</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_biometrik.py" line="461"/>
        <source>Letakkan %1 pada pemindai…</source>
        <translation>Place %1 on the scanner…</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_biometrik.py" line="493"/>
        <source>%1: kualitas %2, diterima.</source>
        <translation>%1: quality %2, accepted.</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_biometrik.py" line="496"/>
        <source>%1: kualitas %2 terlalu rendah; ulangi.</source>
        <translation>%1: quality %2 too low; try again.</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_biometrik.py" line="512"/>
        <source>Pemindai sidik jari: %1 Periksa sambungan pemindai lalu tekan Pindai lagi.</source>
        <translation>Fingerprint scanner: %1 Check the scanner connection, then press Scan again.</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_biometrik.py" line="550"/>
        <source>Pengecualian %1 dicatat dengan persetujuan supervisor.</source>
        <translation>Exception for %1 recorded with supervisor approval.</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_biometrik.py" line="572"/>
        <source>Biometrik lengkap. Berkas %1 lanjut ke pemberian nomor register.</source>
        <translation>Biometrics complete. File %1 moves on to register numbering.</translation>
    </message>
</context>
<context>
    <name>CaseTimelineDialog</name>
    <message>
        <location filename="../../faskim_desktop/gui/pages/case_timeline.py" line="140"/>
        <source>Riwayat berkas (hanya baca)</source>
        <translation>File history (read-only)</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/case_timeline.py" line="143"/>
        <source>&amp;Tutup</source>
        <translation>&amp;Close</translation>
    </message>
</context>
<context>
    <name>CaseTimelineView</name>
    <message>
        <location filename="../../faskim_desktop/gui/pages/case_timeline.py" line="80"/>
        <source>Langkah</source>
        <translation>Step</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/case_timeline.py" line="80"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/case_timeline.py" line="80"/>
        <source>Masuk</source>
        <translation>Arrived</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/case_timeline.py" line="80"/>
        <source>Mulai</source>
        <translation>Started</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/case_timeline.py" line="81"/>
        <location filename="../../faskim_desktop/gui/pages/case_timeline.py" line="83"/>
        <source>Oleh</source>
        <translation>By</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/case_timeline.py" line="81"/>
        <source>Selesai</source>
        <translation>Finished</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/case_timeline.py" line="81"/>
        <source>Tunggu (mnt)</source>
        <translation>Wait (min)</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/case_timeline.py" line="81"/>
        <source>Kerja (mnt)</source>
        <translation>Work (min)</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/case_timeline.py" line="82"/>
        <source>Mutu baku (mnt)</source>
        <translation>Standard time (min)</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/case_timeline.py" line="82"/>
        <source>Tindakan</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/case_timeline.py" line="83"/>
        <location filename="../../faskim_desktop/gui/pages/case_timeline.py" line="85"/>
        <source>Waktu</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/case_timeline.py" line="83"/>
        <source>Jenis</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/case_timeline.py" line="83"/>
        <source>Apa</source>
        <translation>What</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/case_timeline.py" line="84"/>
        <source>Keterangan</source>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/case_timeline.py" line="85"/>
        <source>No.</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/case_timeline.py" line="85"/>
        <source>Pelaku</source>
        <translation>Actor</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/case_timeline.py" line="85"/>
        <source>Kejadian</source>
        <translation>Event</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/case_timeline.py" line="86"/>
        <source>Rincian</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/case_timeline.py" line="87"/>
        <source>&amp;Langkah SOP</source>
        <translation>&amp;SOP steps</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/case_timeline.py" line="88"/>
        <source>&amp;Dokumen &amp;&amp; cetak</source>
        <translation>&amp;Documents &amp;&amp; prints</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/case_timeline.py" line="89"/>
        <source>&amp;Jejak audit</source>
        <translation>&amp;Audit trail</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/case_timeline.py" line="97"/>
        <source>Memuat…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/case_timeline.py" line="107"/>
        <source>Pemohon</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/case_timeline.py" line="108"/>
        <source>Paspor / kewarganegaraan</source>
        <translation>Passport / nationality</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/case_timeline.py" line="109"/>
        <source>NIORA</source>
        <translation>NIORA</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/case_timeline.py" line="110"/>
        <source>Kuitansi / register</source>
        <translation>Receipt / register</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/case_timeline.py" line="111"/>
        <source>Dibuat</source>
        <translation>Created</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/case_timeline.py" line="118"/>
        <source>%1 kunjungan langkah; kerja %2 mnt, tunggu %3 mnt; %4 langkah melebihi mutu baku.</source>
        <translation>%1 step visits; work %2 min, wait %3 min; %4 step(s) over the service standard time.</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/case_timeline.py" line="127"/>
        <source>(berjalan)</source>
        <translation>(in progress)</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/case_timeline.py" line="133"/>
        <source>&amp;Dokumen &amp;&amp; cetak (%1)</source>
        <translation>&amp;Documents &amp;&amp; prints (%1)</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/case_timeline.py" line="134"/>
        <source>&amp;Jejak audit (%1)</source>
        <translation>&amp;Audit trail (%1)</translation>
    </message>
</context>
<context>
    <name>CekalPage</name>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_cekal.py" line="63"/>
        <source>&amp;Ulangi pemeriksaan cekal</source>
        <translation>&amp;Repeat the cekal check</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_cekal.py" line="65"/>
        <source>Memeriksa daftar cekal…</source>
        <translation>Checking the cekal (watch list)…</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_cekal.py" line="84"/>
        <source>Data pemohon berkas %1 sedang diperiksa pada daftar cekal secara otomatis…</source>
        <translation>The applicant&apos;s data in file %1 is being checked against the cekal watch list automatically…</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_cekal.py" line="90"/>
        <source>Pemeriksaan cekal belum selesai.</source>
        <translation>The cekal check has not finished.</translation>
    </message>
</context>
<context>
    <name>CetakPage</name>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_cetak.py" line="101"/>
        <source>Pratinjau depan…</source>
        <translation>Front preview…</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_cetak.py" line="102"/>
        <source>Pratinjau belakang…</source>
        <translation>Back preview…</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_cetak.py" line="109"/>
        <location filename="../../faskim_desktop/gui/pages/step_cetak.py" line="149"/>
        <source>Belum dicetak.</source>
        <translation>Not printed yet.</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_cetak.py" line="113"/>
        <source>Printer kartu:</source>
        <translation>Card printer:</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_cetak.py" line="114"/>
        <source>Status pekerjaan:</source>
        <translation>Job status:</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_cetak.py" line="115"/>
        <source>Blangko kartu berkas ini:</source>
        <translation>Card blanks for this file:</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_cetak.py" line="118"/>
        <source>Blangko kartu hari ini:</source>
        <translation>Card blanks today:</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_cetak.py" line="119"/>
        <source>Pencetakan (CR80, depan-belakang)</source>
        <translation>Printing (CR80, duplex)</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_cetak.py" line="123"/>
        <location filename="../../faskim_desktop/gui/pages/step_cetak.py" line="151"/>
        <source>&amp;Cetak kartu</source>
        <translation>&amp;Print card</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_cetak.py" line="154"/>
        <source>Memproses… kartu disusun dan segel ditandatangani.</source>
        <translation>Processing… composing the card and signing the seal.</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_cetak.py" line="174"/>
        <source>Nomor register %1 · %2 · berlaku hingga %3. Periksa pratinjau, masukkan blangko kartu, lalu cetak.</source>
        <translation>Register no. %1 · %2 · valid until %3. Check the preview, load a card blank, then print.</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_cetak.py" line="189"/>
        <source>Pekerjaan cetak sebelumnya masih tercatat; statusnya diperiksa…</source>
        <translation>An earlier print job is still on record; checking its status…</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_cetak.py" line="202"/>
        <source>%1 tercetak · %2 gagal · %3 rusak</source>
        <translation>%1 printed · %2 failed · %3 spoilt</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_cetak.py" line="215"/>
        <source>Memproses… kartu dikirim ke printer.</source>
        <translation>Processing… sending the card to the printer.</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_cetak.py" line="289"/>
        <source>Kartu tercetak. Teruskan kartu kepada Kepala Kantor untuk ditandatangani.</source>
        <translation>Card printed. Pass it to the Head of Office (Kakanim) for signature.</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_cetak.py" line="298"/>
        <source>Printer melaporkan pekerjaan gagal; blangko dihitung sebagai kartu gagal. Periksa printer dan blangko, lalu cetak lagi.</source>
        <translation>The printer reported a failed job; the blank counts as a failed card. Check the printer and blanks, then print again.</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_cetak.py" line="303"/>
        <source>&amp;Cetak lagi</source>
        <translation>&amp;Print again</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_cetak.py" line="310"/>
        <source>Tertunda — pekerjaan disimpan, belum tercetak.</source>
        <translation>Pending — job saved, not printed yet.</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_cetak.py" line="314"/>
        <source>Pekerjaan cetak disimpan; setelah printer siap, tekan &quot;Coba lagi&quot; (kartu tidak dihitung dua kali).</source>
        <translation>Print job saved; when the printer is ready, press &quot;Retry&quot; (the card is not counted twice).</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_cetak.py" line="318"/>
        <source>&amp;Coba lagi</source>
        <translation>&amp;Retry</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_cetak.py" line="334"/>
        <source>Dalam antrean</source>
        <translation>Queued</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_cetak.py" line="335"/>
        <source>Sedang dicetak</source>
        <translation>Printing</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_cetak.py" line="336"/>
        <source>Tercetak</source>
        <translation>Printed</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_cetak.py" line="337"/>
        <source>Gagal</source>
        <translation>Failed</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_cetak.py" line="338"/>
        <source>Dibatalkan</source>
        <translation>Cancelled</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <location filename="../../faskim_desktop/gui/pages/dashboard.py" line="67"/>
        <source>Hari ini</source>
        <translation>Today</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/dashboard.py" line="68"/>
        <source>Minggu ini</source>
        <translation>This week</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/dashboard.py" line="69"/>
        <source>Bulan ini</source>
        <translation>This month</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/dashboard.py" line="74"/>
        <source>&amp;Tampilkan</source>
        <translation>&amp;Show</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/dashboard.py" line="76"/>
        <source>&amp;Periode:</source>
        <translation>&amp;Period:</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/dashboard.py" line="97"/>
        <source>Langkah</source>
        <translation>Step</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/dashboard.py" line="97"/>
        <source>Kunjungan</source>
        <translation>Visits</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/dashboard.py" line="97"/>
        <source>Median (mnt)</source>
        <translation>Median (min)</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/dashboard.py" line="97"/>
        <source>P90 (mnt)</source>
        <translation>P90 (min)</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/dashboard.py" line="98"/>
        <source>Mutu baku (mnt)</source>
        <translation>Standard time (min)</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/dashboard.py" line="98"/>
        <source>Dalam mutu baku</source>
        <translation>Within standard</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/dashboard.py" line="98"/>
        <source>Tunggu median (mnt)</source>
        <translation>Median wait (min)</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/dashboard.py" line="99"/>
        <source>Tunggu rata-rata (mnt)</source>
        <translation>Mean wait (min)</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/dashboard.py" line="138"/>
        <source>Menghitung…</source>
        <translation>Calculating…</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/dashboard.py" line="156"/>
        <source>%1 s.d. %2</source>
        <translation>%1 to %2</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/dashboard.py" line="159"/>
        <source>Diterima %1 · selesai %2 · dikembalikan %3 · dikembalikan untuk perbaikan %4 · ditahan (cekal) %5 · ditolak %6</source>
        <translation>Received %1 · completed %2 · returned %3 · returned for correction %4 · held (cekal) %5 · refused %6</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/dashboard.py" line="170"/>
        <source>%1 langkah dengan median di atas mutu baku. </source>
        <translation>%1 step(s) with a median over the standard time. </translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/dashboard.py" line="171"/>
        <source>Semua median dalam mutu baku. </source>
        <translation>All medians within the standard time. </translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/dashboard.py" line="172"/>
        <source>Paling lambat dibanding mutu baku: %1</source>
        <translation>Slowest against the standard time: %1</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/dashboard.py" line="185"/>
        <source>Median</source>
        <translation>Median</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/dashboard.py" line="188"/>
        <source>P90</source>
        <translation>P90</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/dashboard.py" line="202"/>
        <source>Mutu baku</source>
        <translation>Standard time</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/dashboard.py" line="216"/>
        <source>menit</source>
        <translation>minutes</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/dashboard.py" line="222"/>
        <source>Waktu kerja per langkah: median dan P90 dibanding mutu baku</source>
        <translation>Work time per step: median and P90 against the service standard time</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/dashboard.py" line="231"/>
        <source>Permohonan masuk</source>
        <translation>Applications received</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/dashboard.py" line="257"/>
        <source>Permohonan masuk per hari</source>
        <translation>Applications received per day</translation>
    </message>
</context>
<context>
    <name>DitahanPage</name>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_cekal.py" line="114"/>
        <source>Data pemohon mirip dengan entri daftar cekal. Bandingkan data pemohon dengan entri di bawah, lalu putuskan. &quot;Bukan orang yang sama&quot; melanjutkan berkas; &quot;Terkonfirmasi cekal&quot; menghentikan berkas dan menyerahkannya ke prosedur cekal.</source>
        <translation>The applicant&apos;s data resembles an entry on the cekal (watch list). Compare the applicant&apos;s data with the entries below, then decide. &quot;Not the same person&quot; lets the file continue; &quot;Cekal confirmed&quot; stops the file and hands it to the cekal procedure.</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_cekal.py" line="119"/>
        <source>Data pemohon</source>
        <translation>Applicant&apos;s data</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_cekal.py" line="122"/>
        <source>Nama:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_cekal.py" line="122"/>
        <source>Tanggal lahir:</source>
        <translation>Date of birth:</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_cekal.py" line="123"/>
        <source>Kewarganegaraan:</source>
        <translation>Nationality:</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_cekal.py" line="123"/>
        <source>No. paspor:</source>
        <translation>Passport no.:</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_cekal.py" line="127"/>
        <source>Entri daftar cekal yang cocok dan alasannya</source>
        <translation>Matching cekal list entries and why they match</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_cekal.py" line="136"/>
        <source>Alasan keputusan (wajib), mis. tanggal lahir dan nomor paspor berbeda</source>
        <translation>Reason for the decision (required), e.g. date of birth and passport number differ</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_cekal.py" line="138"/>
        <source>&amp;Alasan keputusan:</source>
        <translation>&amp;Reason for decision:</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_cekal.py" line="140"/>
        <source>Bukan orang yang &amp;sama</source>
        <translation>&amp;Not the same person</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_cekal.py" line="141"/>
        <source>Terkonfirmasi &amp;cekal</source>
        <translation>&amp;Cekal confirmed</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_cekal.py" line="192"/>
        <source>Versi daftar cekal: %1</source>
        <translation>Cekal list version: %1</translation>
    </message>
</context>
<context>
    <name>DocumentRow</name>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_periksa.py" line="80"/>
        <source>diterima</source>
        <translation>received</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_periksa.py" line="82"/>
        <source>tidak diserahkan</source>
        <translation>not handed in</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_periksa.py" line="89"/>
        <source>— pilih —</source>
        <translation>— choose —</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_periksa.py" line="90"/>
        <source>Sah</source>
        <translation>Valid</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_periksa.py" line="91"/>
        <source>Tidak sah</source>
        <translation>Invalid</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_periksa.py" line="92"/>
        <source>Tidak ada</source>
        <translation>Missing</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_periksa.py" line="100"/>
        <source>Tidak diserahkan saat penerimaan berkas.</source>
        <translation>Not handed in when the file was received.</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_periksa.py" line="104"/>
        <source>catatan (wajib bila tidak sah / tidak ada)</source>
        <translation>note (required when invalid / missing)</translation>
    </message>
</context>
<context>
    <name>EntriPage</name>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_entri.py" line="166"/>
        <source>Data permohonan</source>
        <translation>Application data</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_entri.py" line="168"/>
        <source>&amp;Kategori:</source>
        <translation>Ca&amp;tegory:</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_entri.py" line="169"/>
        <source>&amp;Produk:</source>
        <translation>&amp;Product:</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_entri.py" line="170"/>
        <source>&amp;Jenis dokim:</source>
        <translation>&amp;Document type:</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_entri.py" line="172"/>
        <source>T&amp;ujuan:</source>
        <translation>P&amp;urpose:</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_entri.py" line="173"/>
        <source>&amp;Waktu:</source>
        <translation>Du&amp;ration:</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_entri.py" line="175"/>
        <source>Nama pen&amp;gurus:</source>
        <translation>Handled b&amp;y:</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_entri.py" line="179"/>
        <source>Data orang asing (pemohon) dan paspor</source>
        <translation>Foreign national (applicant) and passport</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_entri.py" line="185"/>
        <source>Pindai MRZ paspor dengan pembaca MRZ, atau ketik kedua barisnya</source>
        <translation>Scan the passport MRZ with the MRZ reader, or type both lines</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_entri.py" line="188"/>
        <source>Baca paspor (&amp;chip)</source>
        <translation>Read passport &amp;chip</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_entri.py" line="191"/>
        <source>Membaca cip…</source>
        <translation>Reading chip…</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_entri.py" line="194"/>
        <source>Baca data paspor (MRZ atau cip)</source>
        <translation>Read passport data (MRZ or chip)</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_entri.py" line="196"/>
        <source>&amp;MRZ:</source>
        <translation>MR&amp;Z:</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_entri.py" line="203"/>
        <location filename="../../faskim_desktop/gui/pages/step_entri.py" line="204"/>
        <source>Cari</source>
        <translation>Search</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_entri.py" line="209"/>
        <source>&amp;NIORA:</source>
        <translation>&amp;NIORA:</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_entri.py" line="213"/>
        <source>— pilih —</source>
        <translation>— choose —</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_entri.py" line="213"/>
        <source>Perempuan (F)</source>
        <translation>Female (F)</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_entri.py" line="214"/>
        <source>Laki-laki (M)</source>
        <translation>Male (M)</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_entri.py" line="214"/>
        <source>Tidak ditentukan (X)</source>
        <translation>Unspecified (X)</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_entri.py" line="216"/>
        <source>Jenis ke&amp;lamin:</source>
        <translation>Se&amp;x:</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_entri.py" line="217"/>
        <source>Tempat lahir:</source>
        <translation>Place of birth:</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_entri.py" line="218"/>
        <source>Tanggal l&amp;ahir:</source>
        <translation>Date of &amp;birth:</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_entri.py" line="220"/>
        <source>Paspor berlaku s.d.:</source>
        <translation>Passport valid until:</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_entri.py" line="229"/>
        <source>Sumber data:</source>
        <translation>Data source:</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_entri.py" line="237"/>
        <source>Sponsor (orang tua WNI)</source>
        <translation>Sponsor (Indonesian parent)</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_entri.py" line="239"/>
        <source>N&amp;IK:</source>
        <translation>NI&amp;K:</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_entri.py" line="240"/>
        <source>Nama sp&amp;onsor:</source>
        <translation>Sponsor na&amp;me:</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_entri.py" line="242"/>
        <source>Kontak:</source>
        <translation>Contact:</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_entri.py" line="243"/>
        <source>Hubungan:</source>
        <translation>Relationship:</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_entri.py" line="247"/>
        <source>Data pendaratan dan izin tinggal</source>
        <translation>Arrival and stay permit</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_entri.py" line="249"/>
        <source>Tanggal mendarat:</source>
        <translation>Date of arrival:</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_entri.py" line="250"/>
        <source>Tempat pendaratan:</source>
        <translation>Port of arrival:</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_entri.py" line="251"/>
        <source>Pesawat/kapal:</source>
        <translation>Aircraft/vessel:</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_entri.py" line="252"/>
        <source>Jenis izin tinggal:</source>
        <translation>Stay permit type:</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_entri.py" line="254"/>
        <source>No. izin tinggal:</source>
        <translation>Stay permit no.:</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_entri.py" line="255"/>
        <source>Izin tinggal berlaku s.d.:</source>
        <translation>Stay permit valid until:</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_entri.py" line="258"/>
        <source>Perbedaan data ketikan/MRZ dengan data cip</source>
        <translation>Typed/MRZ data differs from the chip data</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_entri.py" line="264"/>
        <source>Sudah saya periksa; data cip yang dipakai</source>
        <translation>I have checked; the chip data is used</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_entri.py" line="270"/>
        <source>Dikembalikan pejabat untuk perbaikan</source>
        <translation>Returned by the official for correction</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_entri.py" line="296"/>
        <source>&amp;Simpan &amp;&amp; periksa cekal</source>
        <translation>&amp;Save &amp;&amp; check cekal</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_entri.py" line="298"/>
        <source>Simpan data (Ctrl+S); pemeriksaan cekal berjalan otomatis</source>
        <translation>Save the data (Ctrl+S); the cekal (watch list) check runs automatically</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_entri.py" line="171"/>
        <source>Izin tinggal k&amp;e-:</source>
        <translation>Stay permit &amp;issue no.:</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_entri.py" line="176"/>
        <source>Nama biro jasa:</source>
        <translation>Service agency:</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_entri.py" line="210"/>
        <source>No. paspo&amp;r:</source>
        <translation>Passp&amp;ort no.:</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_entri.py" line="211"/>
        <source>Nama pemo&amp;hon:</source>
        <translation>&amp;Applicant name:</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_entri.py" line="219"/>
        <source>Kewarganegaraan (ko&amp;de):</source>
        <translation>Nationa&amp;lity (code):</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_entri.py" line="241"/>
        <source>Alamat:</source>
        <translation>Address:</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_entri.py" line="300"/>
        <source>Menyimpan &amp;&amp; memeriksa cekal…</source>
        <translation>Saving &amp;&amp; checking cekal…</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_entri.py" line="459"/>
        <source>Data dimuat</source>
        <translation>Data loaded</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_entri.py" line="488"/>
        <source>Belum tersimpan…</source>
        <translation>Not saved yet…</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_entri.py" line="513"/>
        <source>diketik petugas</source>
        <translation>typed by the officer</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_entri.py" line="514"/>
        <source>dibaca dari MRZ paspor</source>
        <translation>read from the passport MRZ</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_entri.py" line="515"/>
        <source>dibaca dari cip paspor</source>
        <translation>read from the passport chip</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_entri.py" line="526"/>
        <source>dibaca dari dokumen</source>
        <translation>read from the document</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_entri.py" line="553"/>
        <source>MRZ tidak valid: %1</source>
        <translation>Invalid MRZ: %1</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_entri.py" line="558"/>
        <source>MRZ valid (%1): semua digit pemeriksa cocok.</source>
        <translation>MRZ valid (%1): all check digits match.</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_entri.py" line="603"/>
        <source>Untuk membaca cip, pindai MRZ atau isi nomor paspor, tanggal lahir dan masa berlaku paspor dahulu (%1).</source>
        <translation>To read the chip, first scan the MRZ or enter the passport number, date of birth and passport expiry date (%1).</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_entri.py" line="608"/>
        <source>Letakkan paspor pada pembaca kartu…</source>
        <translation>Place the passport on the card reader…</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_entri.py" line="614"/>
        <source>Cip paspor tidak terbaca: %1</source>
        <translation>Passport chip unreadable: %1</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_entri.py" line="632"/>
        <source>Foto dari cip paspor</source>
        <translation>Photo from the passport chip</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_entri.py" line="635"/>
        <source>data cip utuh (cocok dengan EF.SOD)</source>
        <translation>chip data intact (matches EF.SOD)</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_entri.py" line="636"/>
        <source>PERINGATAN: data cip tidak cocok dengan EF.SOD</source>
        <translation>WARNING: chip data does not match EF.SOD</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_entri.py" line="637"/>
        <source>cip tanpa EF.SOD</source>
        <translation>chip without EF.SOD</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_entri.py" line="645"/>
        <source>Data yang diketik/MRZ berbeda dengan cip. Data cip sudah dipakai; periksa sebelum menyimpan:</source>
        <translation>The typed/MRZ data differs from the chip. The chip data is now used; check before saving:</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_entri.py" line="651"/>
        <source>Cip terbaca — %1 — tetapi ada perbedaan data.</source>
        <translation>Chip read — %1 — but the data differs.</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_entri.py" line="654"/>
        <source>Cip paspor terbaca — %1; data paspor terisi.</source>
        <translation>Passport chip read — %1; passport data filled in.</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_entri.py" line="673"/>
        <source>Isi NIORA atau nomor paspor untuk mencari.</source>
        <translation>Enter a NIORA or passport number to search.</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_entri.py" line="689"/>
        <source>Data orang asing tidak ditemukan; lengkapi sebagai data baru.</source>
        <translation>Foreign national not found; complete the form as a new record.</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_entri.py" line="699"/>
        <source>Data orang asing ditemukan dan diisikan; periksa dan lengkapi.</source>
        <translation>Foreign national found and filled in; check and complete.</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_entri.py" line="718"/>
        <source>Perhatian: paspor ini sudah memiliki permohonan yang masih berjalan: %1</source>
        <translation>Note: this passport already has an application in progress: %1</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_entri.py" line="737"/>
        <source>Draf tersimpan otomatis</source>
        <translation>Draft saved automatically</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_entri.py" line="741"/>
        <source>Draf belum tersimpan: %1</source>
        <translation>Draft not saved: %1</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_entri.py" line="772"/>
        <source>Periksa perbedaan data cip di atas dan centang konfirmasinya dahulu.</source>
        <translation>Check the chip data differences above and tick the confirmation first.</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_entri.py" line="820"/>
        <source>Data tersimpan; pemeriksaan cekal belum berhasil: %1</source>
        <translation>Data saved; the cekal check did not succeed: %1</translation>
    </message>
</context>
<context>
    <name>KindPanel</name>
    <message>
        <location filename="../../faskim_desktop/gui/pages/technician.py" line="172"/>
        <source>Driver</source>
        <translation>Driver</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/technician.py" line="179"/>
        <source>— tidak ada perangkat —</source>
        <translation>— no device —</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/technician.py" line="180"/>
        <source>Deteksi ulang</source>
        <translation>Detect again</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/technician.py" line="184"/>
        <source>Perangkat</source>
        <translation>Device</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/technician.py" line="191"/>
        <source>Simulasi gangguan</source>
        <translation>Simulate fault</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/technician.py" line="200"/>
        <location filename="../../faskim_desktop/gui/pages/technician.py" line="508"/>
        <source>Mulai pratinjau langsung</source>
        <translation>Start live preview</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/technician.py" line="207"/>
        <source>Belum diuji.</source>
        <translation>Not tested yet.</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/technician.py" line="213"/>
        <source>Kualitas %v/100</source>
        <translation>Quality %v/100</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/technician.py" line="219"/>
        <source>Belum ada gambar</source>
        <translation>No image yet</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/technician.py" line="228"/>
        <source>Ambil satu gambar</source>
        <translation>Capture one image</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/technician.py" line="229"/>
        <source>Rekam sidik jari uji</source>
        <translation>Capture a test fingerprint</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/technician.py" line="230"/>
        <source>Pindai halaman uji</source>
        <translation>Scan a test page</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/technician.py" line="231"/>
        <source>Cetak kartu uji</source>
        <translation>Print a test card</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/technician.py" line="232"/>
        <source>Baca ATR kartu</source>
        <translation>Read card ATR</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/technician.py" line="237"/>
        <source>Lebar (piksel)</source>
        <translation>Width (pixels)</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/technician.py" line="238"/>
        <source>Tinggi (piksel)</source>
        <translation>Height (pixels)</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/technician.py" line="239"/>
        <source>Bingkai per detik</source>
        <translation>Frames per second</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/technician.py" line="240"/>
        <source>Kualitas minimum</source>
        <translation>Minimum quality</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/technician.py" line="241"/>
        <source>Resolusi (dpi)</source>
        <translation>Resolution (dpi)</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/technician.py" line="242"/>
        <source>Mode warna</source>
        <translation>Colour mode</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/technician.py" line="243"/>
        <source>Sumber kertas</source>
        <translation>Paper source</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/technician.py" line="244"/>
        <source>Cetak dua sisi</source>
        <translation>Print both sides</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/technician.py" line="266"/>
        <source>Berwarna</source>
        <translation>Colour</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/technician.py" line="267"/>
        <source>Skala abu-abu</source>
        <translation>Greyscale</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/technician.py" line="268"/>
        <source>Hitam-putih</source>
        <translation>Black and white</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/technician.py" line="269"/>
        <source>Kaca (flatbed)</source>
        <translation>Flatbed glass</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/technician.py" line="270"/>
        <source>Pengumpan otomatis (ADF)</source>
        <translation>Automatic feeder (ADF)</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/technician.py" line="339"/>
        <source>Tidak ada driver yang tersedia untuk jenis perangkat ini.</source>
        <translation>No driver is available for this kind of device.</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/technician.py" line="342"/>
        <source>Mendeteksi perangkat…</source>
        <translation>Detecting devices…</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/technician.py" line="374"/>
        <source>Tidak ada (normal)</source>
        <translation>None (normal)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../faskim_desktop/gui/pages/technician.py" line="380"/>
        <source>%n perangkat terdeteksi.</source>
        <translation>
            <numerusform>%n device detected.</numerusform>
            <numerusform>%n devices detected.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/technician.py" line="383"/>
        <source>Tidak ada perangkat terdeteksi. Periksa kabel/daya lalu deteksi ulang.</source>
        <translation>No device detected. Check the cable/power, then detect again.</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/technician.py" line="405"/>
        <source>Menguji…</source>
        <translation>Testing…</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/technician.py" line="421"/>
        <source>Kamera berfungsi: %1 × %2 piksel.</source>
        <translation>Camera works: %1 × %2 pixels.</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/technician.py" line="429"/>
        <source>Sidik jari terekam (%1 dpi), kualitas %2/100.</source>
        <translation>Fingerprint captured (%1 dpi), quality %2/100.</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/technician.py" line="438"/>
        <source>Pindaian uji: %1 halaman, %2 dpi.</source>
        <translation>Test scan: %1 page(s), %2 dpi.</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/technician.py" line="445"/>
        <source>Kartu uji CR80 dicetak: pekerjaan %1, status %2.</source>
        <translation>CR80 test card printed: job %1, status %2.</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/technician.py" line="454"/>
        <source>Kartu terbaca. ATR: %1</source>
        <translation>Card read. ATR: %1</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/technician.py" line="459"/>
        <source>menunggu</source>
        <translation>waiting</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/technician.py" line="460"/>
        <source>diproses</source>
        <translation>processing</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/technician.py" line="461"/>
        <source>selesai</source>
        <translation>done</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/technician.py" line="462"/>
        <source>gagal</source>
        <translation>failed</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/technician.py" line="463"/>
        <source>dibatalkan</source>
        <translation>cancelled</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/technician.py" line="493"/>
        <source>Hentikan pratinjau</source>
        <translation>Stop preview</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/technician.py" line="522"/>
        <source>Pratinjau langsung berjalan.</source>
        <translation>Live preview running.</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../faskim_desktop/gui/login.py" line="43"/>
        <source>&amp;Pengaturan…</source>
        <translation>&amp;Settings…</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/login.py" line="50"/>
        <source>Membuka basis data…</source>
        <translation>Opening the database…</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/login.py" line="78"/>
        <source>&amp;Masuk</source>
        <translation>Log &amp;in</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/login.py" line="79"/>
        <source>&amp;Batal</source>
        <translation>&amp;Cancel</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/login.py" line="86"/>
        <source>Pengaturan disimpan. Buka ulang aplikasi bila folder data atau basis data diubah.</source>
        <translation>Settings saved. Restart the application if you changed the data folder or database.</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/login.py" line="101"/>
        <source>Isi nama pengguna dan kata sandi.</source>
        <translation>Enter your username and password.</translation>
    </message>
    <message>
        <location filename="../../ui/login.ui" line="9"/>
        <source>Faskim Desktop — Masuk</source>
        <translation>Faskim Desktop — Log in</translation>
    </message>
    <message>
        <location filename="../../ui/login.ui" line="19"/>
        <source>Penerbitan Kartu Fasilitas Keimigrasian</source>
        <translation>Immigration Facility Card Issuance</translation>
    </message>
    <message>
        <location filename="../../ui/login.ui" line="36"/>
        <source>&amp;Nama pengguna</source>
        <translation>&amp;Username</translation>
    </message>
    <message>
        <location filename="../../ui/login.ui" line="47"/>
        <source>&amp;Kata sandi</source>
        <translation>&amp;Password</translation>
    </message>
    <message>
        <location filename="../../ui/login.ui" line="59"/>
        <source>&amp;Bahasa</source>
        <translation>&amp;Language</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../faskim_desktop/gui/main_window.py" line="33"/>
        <source>Faskim Desktop — %1 (%2)</source>
        <translation>Faskim Desktop — %1 (%2)</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/main_window.py" line="40"/>
        <source>Pekerjaan saya</source>
        <translation>My work</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/main_window.py" line="72"/>
        <source>Cari berkas</source>
        <translation>Find file</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/main_window.py" line="75"/>
        <source>Verifikasi kartu</source>
        <translation>Verify card</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/main_window.py" line="80"/>
        <source>Kinerja SLA</source>
        <translation>SLA performance</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/main_window.py" line="86"/>
        <source>Admin</source>
        <translation>Admin</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/main_window.py" line="93"/>
        <source>Teknisi</source>
        <translation>Technician</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/main_window.py" line="96"/>
        <source>&amp;Berkas</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/main_window.py" line="97"/>
        <source>Berkas &amp;baru</source>
        <translation>&amp;New case file</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/main_window.py" line="101"/>
        <source>&amp;Segarkan daftar</source>
        <translation>&amp;Refresh list</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/main_window.py" line="104"/>
        <source>&amp;Daftar pekerjaan</source>
        <translation>&amp;Work list</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/main_window.py" line="107"/>
        <source>Buka &amp;kursi kedua…</source>
        <translation>Open &amp;second seat…</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/main_window.py" line="110"/>
        <source>&amp;Kunci layar</source>
        <translation>&amp;Lock screen</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/main_window.py" line="113"/>
        <source>&amp;Keluar akun</source>
        <translation>Log &amp;out</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/main_window.py" line="116"/>
        <source>&amp;Cari berkas…</source>
        <translation>Find f&amp;ile…</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/main_window.py" line="119"/>
        <source>&amp;Pengaturan komputer ini…</source>
        <translation>Se&amp;ttings for this computer…</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/main_window.py" line="124"/>
        <source>&amp;Tampilan</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/main_window.py" line="127"/>
        <source>Layar &amp;antrean (monitor kedua)</source>
        <translation>&amp;Queue display (second monitor)</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/main_window.py" line="147"/>
        <source>Pengaturan disimpan; folder data dan basis data berlaku setelah aplikasi dibuka ulang.</source>
        <translation>Settings saved; the data folder and database take effect after a restart.</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/main_window.py" line="158"/>
        <source>Berkas baru %1 dibuat.</source>
        <translation>New case file %1 created.</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/main_window.py" line="173"/>
        <source>Berkas %1: %2.</source>
        <translation>File %1: %2.</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/main_window.py" line="184"/>
        <source>Berkas %1 diteruskan: %2 (menunggu %3).</source>
        <translation>File %1 passed on: %2 (waiting for %3).</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/main_window.py" line="193"/>
        <source>Tidak ada aktivitas: layar akan dikunci dalam %1 detik.</source>
        <translation>No activity: the screen locks in %1 seconds.</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/main_window.py" line="201"/>
        <source>Layar terkunci — masuk kembali</source>
        <translation>Screen locked — log in again</translation>
    </message>
</context>
<context>
    <name>PembayaranPage</name>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_pembayaran.py" line="100"/>
        <source>Nomor permohonan:</source>
        <translation>Application no.:</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_pembayaran.py" line="101"/>
        <source>Pemohon:</source>
        <translation>Applicant:</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_pembayaran.py" line="102"/>
        <source>Tagihan PNBP hari ini:</source>
        <translation>PNBP fee due today:</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_pembayaran.py" line="105"/>
        <source>Jumlah uang yang diterima, mis. 400.000</source>
        <translation>Amount received, e.g. 400.000</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_pembayaran.py" line="111"/>
        <source>No. referensi / trace EDC / ID QRIS</source>
        <translation>Reference no. / EDC trace / QRIS ID</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_pembayaran.py" line="113"/>
        <location filename="../../faskim_desktop/gui/pages/step_pembayaran.py" line="435"/>
        <source>Terima pembayaran &amp;&amp; cetak &amp;kuitansi</source>
        <translation>&amp;Accept payment &amp;&amp; print receipt</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_pembayaran.py" line="118"/>
        <source>Pembayaran</source>
        <translation>Payment</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_pembayaran.py" line="120"/>
        <source>&amp;Jumlah diterima:</source>
        <translation>A&amp;mount received:</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_pembayaran.py" line="122"/>
        <source>&amp;Cara bayar:</source>
        <translation>&amp;Payment method:</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_pembayaran.py" line="124"/>
        <source>&amp;Referensi:</source>
        <translation>&amp;Reference:</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_pembayaran.py" line="136"/>
        <source>Cetak &amp;ulang kuitansi</source>
        <translation>Reprint rec&amp;eipt</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_pembayaran.py" line="138"/>
        <source>&amp;Lanjut ke biometrik</source>
        <translation>&amp;Continue to biometrics</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_pembayaran.py" line="141"/>
        <source>nama pengguna supervisor</source>
        <translation>supervisor username</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_pembayaran.py" line="146"/>
        <source>alasan pembatalan</source>
        <translation>reason for voiding</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_pembayaran.py" line="147"/>
        <source>Batalkan pe&amp;mbayaran ini</source>
        <translation>Voi&amp;d this payment</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_pembayaran.py" line="149"/>
        <source>Kuitansi</source>
        <translation>Receipt (kuitansi)</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_pembayaran.py" line="158"/>
        <source>Supervisor:</source>
        <translation>Supervisor:</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_pembayaran.py" line="159"/>
        <source>Kata sandi supervisor:</source>
        <translation>Supervisor password:</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_pembayaran.py" line="160"/>
        <source>Alasan:</source>
        <translation>Reason:</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_pembayaran.py" line="162"/>
        <source>Pembatalan (perlu supervisor dan alasan)</source>
        <translation>Voiding (needs a supervisor and a reason)</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_pembayaran.py" line="169"/>
        <source>Riwayat pembayaran berkas ini</source>
        <translation>Payments for this file</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_pembayaran.py" line="172"/>
        <source>Rekap kas &amp;harian (PDF)</source>
        <translation>Daily cash &amp;summary (PDF)</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_pembayaran.py" line="270"/>
        <source>BATAL oleh %1: %2</source>
        <translation>VOIDED by %1: %2</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_pembayaran.py" line="294"/>
        <source>Mencatat pembayaran…</source>
        <translation>Recording payment…</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_pembayaran.py" line="318"/>
        <source>Pembayaran tercatat. Kuitansi %1 disimpan; mencetak…</source>
        <translation>Payment recorded. Receipt %1 saved; printing…</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_pembayaran.py" line="320"/>
        <source>Pembayaran tercatat dengan kuitansi %1.</source>
        <translation>Payment recorded with receipt %1.</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_pembayaran.py" line="334"/>
        <source>Kuitansi %1 (3 lembar: pemohon, berkas, bendahara) dikirim ke printer (pekerjaan %2).</source>
        <translation>Receipt %1 (3 copies: applicant, file, treasurer) sent to the printer (job %2).</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_pembayaran.py" line="341"/>
        <source>Pembayaran tercatat, tetapi kuitansi %1 gagal dicetak: %2 Perbaiki printer lalu tekan Cetak ulang (salinan tersimpan di %3).</source>
        <translation>Payment recorded, but receipt %1 failed to print: %2 Fix the printer, then press Reprint receipt (a copy is saved in %3).</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_pembayaran.py" line="380"/>
        <source>Membatalkan pembayaran…</source>
        <translation>Voiding payment…</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_pembayaran.py" line="390"/>
        <source>Kuitansi %1 dibatalkan; catatannya tetap tersimpan. Terima pembayaran baru.</source>
        <translation>Receipt %1 voided; its record is kept. Accept a new payment.</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_pembayaran.py" line="412"/>
        <source>Hari ini %1 transaksi, jumlah %2 (%3); %4 batal. PDF: %5</source>
        <translation>Today %1 transaction(s), total %2 (%3); %4 voided. PDF: %5</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_pembayaran.py" line="435"/>
        <source>Memproses…</source>
        <translation>Processing…</translation>
    </message>
</context>
<context>
    <name>PengesahanPage</name>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_pengesahan.py" line="50"/>
        <source>Kartu tercetak (depan)…</source>
        <translation>Printed card (front)…</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_pengesahan.py" line="51"/>
        <source>Kartu tercetak (belakang)…</source>
        <translation>Printed card (back)…</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_pengesahan.py" line="57"/>
        <source>Cap &amp;dinas dan nomor register telah dibubuhkan pada kartu</source>
        <translation>Office stamp and register number &amp;affixed to the card</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_pengesahan.py" line="60"/>
        <source>kata sandi Anda, untuk mengesahkan</source>
        <translation>your password, to authenticate</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_pengesahan.py" line="64"/>
        <source>&amp;Kata sandi:</source>
        <translation>&amp;Password:</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_pengesahan.py" line="69"/>
        <source>Kartu rusak — cetak &amp;ulang…</source>
        <translation>Card spoilt — &amp;reprint…</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_pengesahan.py" line="71"/>
        <source>&amp;Tanda tangani</source>
        <translation>&amp;Sign</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_pengesahan.py" line="113"/>
        <source>Nomor register %1 · %2 · paspor %3. Periksa kartu tercetak, bubuhkan cap dinas, lalu tanda tangani.</source>
        <translation>Register no. %1 · %2 · passport %3. Check the printed card, affix the office stamp, then sign.</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_pengesahan.py" line="120"/>
        <source>Kartu menunggu tanda tangan: %1</source>
        <translation>Cards awaiting signature: %1</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_pengesahan.py" line="131"/>
        <source>Bubuhkan cap dinas dan nomor register, lalu centang konfirmasinya.</source>
        <translation>Affix the office stamp and register number, then tick the confirmation.</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_pengesahan.py" line="135"/>
        <source>Masukkan kata sandi Anda untuk mengesahkan.</source>
        <translation>Enter your password to authenticate.</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_pengesahan.py" line="139"/>
        <source>Memproses… tanda tangan dicatat.</source>
        <translation>Processing… recording the signature.</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_pengesahan.py" line="153"/>
        <source>Kartu disahkan. Berkas siap diserahkan.</source>
        <translation>Card authenticated. The file is ready for hand-over.</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_pengesahan.py" line="171"/>
        <source>Cetak ulang disetujui; berkas kembali ke pencetakan.</source>
        <translation>Reprint approved; the file goes back to printing.</translation>
    </message>
</context>
<context>
    <name>PenyerahanPage</name>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_penyerahan.py" line="82"/>
        <source>Pindai kode QR pada tanda terima dan kuitansi dengan pemindai kode batang (atau kamera), atau ketik nomornya.</source>
        <translation>Scan the QR codes on the acknowledgement receipt and the receipt with the barcode scanner (or camera), or type the numbers.</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_penyerahan.py" line="89"/>
        <source>nomor pada tanda terima permohonan</source>
        <translation>number on the acknowledgement receipt</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_penyerahan.py" line="95"/>
        <source>nomor pada kuitansi pembayaran</source>
        <translation>number on the payment receipt</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_penyerahan.py" line="101"/>
        <source>Nomor &amp;tanda terima:</source>
        <translation>&amp;Acknowledgement no.:</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_penyerahan.py" line="105"/>
        <source>Nomor &amp;kuitansi:</source>
        <translation>&amp;Receipt no.:</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_penyerahan.py" line="110"/>
        <source>Baca QR dengan ka&amp;mera</source>
        <translation>Read QR with ca&amp;mera</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_penyerahan.py" line="113"/>
        <source>Kamera mati</source>
        <translation>Camera off</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_penyerahan.py" line="122"/>
        <source>&amp;Pemohon / orang tua pemohon</source>
        <translation>A&amp;pplicant / applicant&apos;s parent</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_penyerahan.py" line="123"/>
        <source>K&amp;uasa (dengan surat kuasa)</source>
        <translation>Pro&amp;xy (with power of attorney)</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_penyerahan.py" line="131"/>
        <source>NIK / nomor paspor / SIM</source>
        <translation>NIK / passport no. / driving licence</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_penyerahan.py" line="139"/>
        <source>Nama penerima:</source>
        <translation>Recipient name:</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_penyerahan.py" line="141"/>
        <source>No. identitas penerima:</source>
        <translation>Recipient ID no.:</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_penyerahan.py" line="143"/>
        <source>Diambil oleh</source>
        <translation>Collected by</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_penyerahan.py" line="147"/>
        <source>&amp;Serahkan kartu dan paspor</source>
        <translation>&amp;Hand over card and passport</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_penyerahan.py" line="180"/>
        <source>Berkas %1 · nomor register %2 · %3. Minta pemohon menunjukkan tanda terima dan kuitansi.</source>
        <translation>File %1 · register no. %2 · %3. Ask the applicant to show the acknowledgement receipt and the receipt.</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_penyerahan.py" line="204"/>
        <source>Arahkan kode QR ke kamera…</source>
        <translation>Hold the QR code up to the camera…</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_penyerahan.py" line="235"/>
        <source>Kedua nomor terbaca. Periksa penerima, lalu serahkan.</source>
        <translation>Both numbers read. Check the recipient, then hand over.</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_penyerahan.py" line="243"/>
        <source>Pembacaan QR dengan kamera tidak tersedia (OpenCV tidak terpasang). Gunakan pemindai kode batang atau ketik nomornya.</source>
        <translation>Reading QR codes with the camera is unavailable (OpenCV not installed). Use the barcode scanner or type the numbers.</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_penyerahan.py" line="268"/>
        <source>Memproses…</source>
        <translation>Processing…</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_penyerahan.py" line="286"/>
        <source>Kartu dan paspor diserahkan. Berkas diteruskan ke Infokim untuk diarsip.</source>
        <translation>Card and passport handed over. The file goes to Infokim for archiving.</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_penyerahan.py" line="304"/>
        <source>Penyerahan ditolak; tidak ada yang berubah.</source>
        <translation>Hand-over refused; nothing was changed.</translation>
    </message>
</context>
<context>
    <name>PeriksaPage</name>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_periksa.py" line="124"/>
        <source>Periksa keaslian dan keabsahan setiap dokumen. Berkas lengkap bila semua dokumen wajib sah; bila tidak, berkas dikembalikan dengan surat pengembalian.</source>
        <translation>Check that each document is genuine and valid. The file is complete when every required document is valid; otherwise it is returned with a return letter.</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_periksa.py" line="129"/>
        <source>Hasil pemeriksaan dokumen (* wajib)</source>
        <translation>Document check results (* required)</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_periksa.py" line="144"/>
        <source>&amp;Simpan hasil pemeriksaan</source>
        <translation>&amp;Save check results</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_periksa.py" line="147"/>
        <source>Memproses…</source>
        <translation>Processing…</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_periksa.py" line="151"/>
        <source>Berkas dikembalikan</source>
        <translation>File returned</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_periksa.py" line="154"/>
        <source>Cetak &amp;ulang surat pengembalian</source>
        <translation>&amp;Reprint return letter</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_periksa.py" line="155"/>
        <source>Buka kembali sebagai &amp;permohonan baru</source>
        <translation>Re&amp;open as a new application</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_periksa.py" line="156"/>
        <source>Sele&amp;sai</source>
        <translation>&amp;Done</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_periksa.py" line="170"/>
        <source>Cetak ulang tanda te&amp;rima</source>
        <translation>Reprint &amp;acknowledgement</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_periksa.py" line="172"/>
        <source>Bila tanda terima langkah 1 belum tercetak</source>
        <translation>If the step 1 acknowledgement receipt was not printed</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_periksa.py" line="209"/>
        <source>Dokumen</source>
        <translation>Document</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_periksa.py" line="209"/>
        <source>Saat diterima</source>
        <translation>On receipt</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_periksa.py" line="209"/>
        <source>Hasil</source>
        <translation>Result</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_periksa.py" line="209"/>
        <source>Catatan</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_periksa.py" line="244"/>
        <source>%1 dokumen wajib belum sah: berkas akan DIKEMBALIKAN.</source>
        <translation>%1 required document(s) not valid: the file will be RETURNED.</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_periksa.py" line="249"/>
        <source>&amp;Kembalikan berkas &amp;&amp; cetak surat</source>
        <translation>Re&amp;turn file &amp;&amp; print letter</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_periksa.py" line="251"/>
        <source>Semua dokumen wajib sah: berkas LENGKAP, paraf dicatat.</source>
        <translation>All required documents valid: file COMPLETE, initials recorded.</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_periksa.py" line="253"/>
        <source>Berkas &amp;lengkap (paraf)</source>
        <translation>File &amp;complete (initials)</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_periksa.py" line="347"/>
        <source>Tanda terima %1 dikirim ke printer.</source>
        <translation>Acknowledgement receipt %1 sent to the printer.</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_periksa.py" line="351"/>
        <source>Tanda terima belum tercetak: %1</source>
        <translation>Acknowledgement receipt not printed: %1</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_periksa.py" line="296"/>
        <source>Berkas %1 lengkap; tanggal dan paraf tercatat.</source>
        <translation>File %1 complete; date and initials recorded.</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_periksa.py" line="307"/>
        <source>Berkas %1 dikembalikan kepada pemohon. Surat pengembalian dikirim ke printer dan salinannya disimpan. Berkas ini tetap tersimpan dan dapat dicari.</source>
        <translation>File %1 returned to the applicant. The return letter was sent to the printer and a copy saved. The file stays stored and searchable.</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_periksa.py" line="322"/>
        <source>Surat pengembalian %1 dikirim ke printer.</source>
        <translation>Return letter %1 sent to the printer.</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_periksa.py" line="326"/>
        <source>Surat pengembalian belum tercetak: %1. Salinan tersimpan; cetak ulang.</source>
        <translation>Return letter not printed: %1. A copy is saved; reprint it.</translation>
    </message>
</context>
<context>
    <name>PersetujuanPage</name>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_persetujuan.py" line="71"/>
        <source>Nama pemohon</source>
        <translation>Applicant name</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_persetujuan.py" line="71"/>
        <source>Jenis kelamin</source>
        <translation>Sex</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_persetujuan.py" line="72"/>
        <source>Tempat lahir</source>
        <translation>Place of birth</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_persetujuan.py" line="72"/>
        <source>Tanggal lahir</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_persetujuan.py" line="73"/>
        <source>Kewarganegaraan</source>
        <translation>Nationality</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_persetujuan.py" line="73"/>
        <source>No. paspor</source>
        <translation>Passport no.</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_persetujuan.py" line="74"/>
        <source>Paspor berlaku s.d.</source>
        <translation>Passport valid until</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_persetujuan.py" line="74"/>
        <source>NIORA</source>
        <translation>NIORA</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_persetujuan.py" line="75"/>
        <source>Tujuan</source>
        <translation>Purpose</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_persetujuan.py" line="75"/>
        <source>Waktu</source>
        <translation>Duration</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_persetujuan.py" line="75"/>
        <source>Kategori</source>
        <translation>Category</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_persetujuan.py" line="76"/>
        <source>Produk</source>
        <translation>Product</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_persetujuan.py" line="76"/>
        <source>Jenis dokim</source>
        <translation>Document type</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_persetujuan.py" line="77"/>
        <source>Izin tinggal ke-</source>
        <translation>Stay permit issue no.</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_persetujuan.py" line="77"/>
        <source>NIK sponsor</source>
        <translation>Sponsor NIK</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_persetujuan.py" line="78"/>
        <source>Nama sponsor</source>
        <translation>Sponsor name</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_persetujuan.py" line="78"/>
        <source>Hubungan sponsor</source>
        <translation>Sponsor relationship</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_persetujuan.py" line="79"/>
        <source>Alamat sponsor</source>
        <translation>Sponsor address</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_persetujuan.py" line="79"/>
        <source>Kontak sponsor</source>
        <translation>Sponsor contact</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_persetujuan.py" line="80"/>
        <source>Nama pengurus</source>
        <translation>Handled by</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_persetujuan.py" line="80"/>
        <source>Biro jasa</source>
        <translation>Service agency</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_persetujuan.py" line="81"/>
        <source>Tanggal kedatangan</source>
        <translation>Date of arrival</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_persetujuan.py" line="81"/>
        <source>Tempat kedatangan</source>
        <translation>Port of arrival</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_persetujuan.py" line="82"/>
        <source>Alat angkut</source>
        <translation>Aircraft/vessel</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_persetujuan.py" line="82"/>
        <source>Jenis izin tinggal</source>
        <translation>Stay permit type</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_persetujuan.py" line="83"/>
        <source>No. izin tinggal</source>
        <translation>Stay permit no.</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_persetujuan.py" line="84"/>
        <source>Izin tinggal berlaku s.d.</source>
        <translation>Stay permit valid until</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_persetujuan.py" line="90"/>
        <source>Data yang dientri</source>
        <translation>Data entered</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_persetujuan.py" line="94"/>
        <source>Pemeriksaan dokumen</source>
        <translation>Document check</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_persetujuan.py" line="98"/>
        <source>Hasil cek daftar cekal</source>
        <translation>Cekal (watch list) check result</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_persetujuan.py" line="121"/>
        <source>Pilih halaman pindaian untuk memperbesar.</source>
        <translation>Select a scanned page to enlarge it.</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_persetujuan.py" line="124"/>
        <source>Berkas hasil pindai</source>
        <translation>Scanned documents</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_persetujuan.py" line="139"/>
        <source>Ketik ulang kata sandi Anda untuk paraf</source>
        <translation>Retype your password to initial</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_persetujuan.py" line="142"/>
        <source>Catatan (boleh kosong)</source>
        <translation>Note (optional)</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_persetujuan.py" line="143"/>
        <location filename="../../faskim_desktop/gui/pages/step_persetujuan.py" line="330"/>
        <source>&amp;Setujui (paraf)</source>
        <translation>&amp;Approve (initials)</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_persetujuan.py" line="148"/>
        <source>Satu ketidaksesuaian per baris, mis.
Nama di paspor berbeda dengan akta</source>
        <translation>One discrepancy per line, e.g.
Name in passport differs from birth certificate</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_persetujuan.py" line="151"/>
        <source>Kembalikan untuk &amp;perbaikan</source>
        <translation>&amp;Return for correction</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_persetujuan.py" line="156"/>
        <source>Paraf persetujuan</source>
        <translation>Initials (approval)</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_persetujuan.py" line="158"/>
        <source>&amp;Kata sandi:</source>
        <translation>&amp;Password:</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_persetujuan.py" line="159"/>
        <source>C&amp;atatan:</source>
        <translation>&amp;Note:</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_persetujuan.py" line="162"/>
        <source>Kembalikan ke loket (ketidaksesuaian)</source>
        <translation>Return to the counter (discrepancies)</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_persetujuan.py" line="225"/>
        <source> (tidak wajib)</source>
        <translation> (optional)</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_persetujuan.py" line="227"/>
        <source>Tidak ada daftar dokumen.</source>
        <translation>No document list.</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_persetujuan.py" line="231"/>
        <source>Berkas ini pernah dikembalikan untuk perbaikan:</source>
        <translation>This file was returned for correction before:</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_persetujuan.py" line="243"/>
        <source>(tidak terbaca)</source>
        <translation>(unreadable)</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_persetujuan.py" line="248"/>
        <source>Belum ada berkas yang dipindai.</source>
        <translation>No documents scanned yet.</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_persetujuan.py" line="256"/>
        <source>Belum diperiksa.</source>
        <translation>Not checked yet.</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_persetujuan.py" line="258"/>
        <source>Tidak ada kecocokan dengan daftar cekal (versi daftar %1).</source>
        <translation>No match on the cekal watch list (list version %1).</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_persetujuan.py" line="260"/>
        <source>dinyatakan BUKAN orang yang sama oleh Wasdakim</source>
        <translation>declared NOT the same person by Wasdakim</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_persetujuan.py" line="261"/>
        <source>DIKONFIRMASI cekal</source>
        <translation>cekal CONFIRMED</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_persetujuan.py" line="261"/>
        <source>belum diputuskan</source>
        <translation>not decided yet</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_persetujuan.py" line="262"/>
        <source>Ada %1 kemungkinan kecocokan; %2.</source>
        <translation>%1 possible match(es); %2.</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_persetujuan.py" line="265"/>
        <source>Oleh %1: %2</source>
        <translation>By %1: %2</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_persetujuan.py" line="283"/>
        <source>Ketik ulang kata sandi Anda untuk membubuhkan paraf.</source>
        <translation>Retype your password to add your initials.</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_persetujuan.py" line="297"/>
        <source>Memproses paraf…</source>
        <translation>Recording initials…</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_persetujuan.py" line="310"/>
        <source>Mengembalikan berkas…</source>
        <translation>Returning the file…</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_persetujuan.py" line="317"/>
        <source>Disetujui. Berkas %1 diteruskan ke bendahara.</source>
        <translation>Approved. File %1 passed to the treasurer.</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_persetujuan.py" line="319"/>
        <source>Berkas %1 dikembalikan ke loket untuk perbaikan.</source>
        <translation>File %1 returned to the counter for correction.</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_persetujuan.py" line="330"/>
        <source>Memproses…</source>
        <translation>Processing…</translation>
    </message>
</context>
<context>
    <name>PhaseWizard</name>
    <message>
        <location filename="../../faskim_desktop/gui/wizard.py" line="53"/>
        <location filename="../../faskim_desktop/gui/wizard.py" line="187"/>
        <source>Belum ada berkas dibuka. Pilih berkas dari daftar pekerjaan.</source>
        <translation>No file open. Choose a file from the work list.</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/wizard.py" line="66"/>
        <source>Waktu berjalan sejak langkah ini dimulai</source>
        <translation>Time elapsed since this step started</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/wizard.py" line="82"/>
        <source>%1 mnt</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/wizard.py" line="90"/>
        <source>Pilih berkas dari daftar pekerjaan (F2) atau buat berkas baru (Ctrl+N).</source>
        <translation>Choose a file from the work list (F2) or create a new case file (Ctrl+N).</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/wizard.py" line="140"/>
        <source>Langkah %1: %2</source>
        <translation>Step %1: %2</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/wizard.py" line="144"/>
        <source>Mutu baku: %1 menit</source>
        <translation>Service standard time: %1 minutes</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/wizard.py" line="145"/>
        <source>Mutu baku: tidak ditetapkan SOP</source>
        <translation>Service standard time: not set by the SOP</translation>
    </message>
</context>
<context>
    <name>PindaiPage</name>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_pindai.py" line="76"/>
        <source>Formulir permohonan</source>
        <translation>Application form</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_pindai.py" line="77"/>
        <source>Surat permohonan</source>
        <translation>Application letter</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_pindai.py" line="78"/>
        <source>Dokumen lainnya</source>
        <translation>Other documents</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_pindai.py" line="85"/>
        <source>Kaca (flatbed), 1 halaman</source>
        <translation>Flatbed glass, 1 page</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_pindai.py" line="86"/>
        <source>Pengumpan (ADF), semua halaman</source>
        <translation>Feeder (ADF), all pages</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_pindai.py" line="92"/>
        <source>Berwarna</source>
        <translation>Colour</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_pindai.py" line="93"/>
        <source>Abu-abu</source>
        <translation>Grey</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_pindai.py" line="94"/>
        <source>&amp;Pindai</source>
        <translation>&amp;Scan</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_pindai.py" line="97"/>
        <source>Memindai…</source>
        <translation>Scanning…</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_pindai.py" line="99"/>
        <source>&amp;Kategori:</source>
        <translation>&amp;Category:</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_pindai.py" line="99"/>
        <source>Su&amp;mber:</source>
        <translation>S&amp;ource:</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_pindai.py" line="100"/>
        <source>Resolusi:</source>
        <translation>Resolution:</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_pindai.py" line="100"/>
        <source>Warna:</source>
        <translation>Colour:</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_pindai.py" line="119"/>
        <source>Pilih halaman untuk melihatnya</source>
        <translation>Select a page to view it</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_pindai.py" line="129"/>
        <source>Pindai &amp;ulang halaman</source>
        <translation>&amp;Rescan page</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_pindai.py" line="130"/>
        <source>&amp;Hapus halaman</source>
        <translation>&amp;Delete page</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_pindai.py" line="131"/>
        <source>Buat P&amp;DF kategori</source>
        <translation>Make category &amp;PDF</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_pindai.py" line="132"/>
        <source>Teruskan ke pe&amp;jabat</source>
        <translation>Forward to offici&amp;al</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_pindai.py" line="138"/>
        <source>Memproses…</source>
        <translation>Processing…</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_pindai.py" line="194"/>
        <source>Hal. %1</source>
        <translation>Page %1</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_pindai.py" line="201"/>
        <source>Belum ada halaman terpindai untuk kategori ini</source>
        <translation>No pages scanned for this category yet</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_pindai.py" line="205"/>
        <source>Halaman terpindai — %1.</source>
        <translation>Pages scanned — %1.</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_pindai.py" line="207"/>
        <source>Wajib dipindai: %1.</source>
        <translation>Must be scanned: %1.</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_pindai.py" line="245"/>
        <source>Memindai %1…</source>
        <translation>Scanning %1…</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_pindai.py" line="259"/>
        <source>Pemindaian gagal: %1</source>
        <translation>Scan failed: %1</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_pindai.py" line="280"/>
        <source>Pemindai berhenti: %1. %2 halaman yang sudah terpindai disimpan; pindai sisanya.</source>
        <translation>Scanner stopped: %1. The %2 page(s) already scanned are saved; scan the rest.</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_pindai.py" line="284"/>
        <source>Halaman dipindai ulang dan menggantikan halaman lama.</source>
        <translation>Page rescanned; it replaces the old page.</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_pindai.py" line="286"/>
        <source>%1 halaman tersimpan.</source>
        <translation>%1 page(s) saved.</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_pindai.py" line="307"/>
        <source>Halaman dihapus.</source>
        <translation>Page deleted.</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_pindai.py" line="326"/>
        <source>PDF %1 dibuat: %2</source>
        <translation>PDF %1 created: %2</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <location filename="../../faskim_desktop/gui/context.py" line="57"/>
        <source>Tidak dapat dilanjutkan</source>
        <translation>Cannot continue</translation>
    </message>
</context>
<context>
    <name>QueueDisplay</name>
    <message>
        <location filename="../../faskim_desktop/gui/queue_display.py" line="45"/>
        <source>Layar antrean</source>
        <translation>Queue display</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/queue_display.py" line="47"/>
        <source>NOMOR ANTREAN</source>
        <translation>QUEUE NUMBER</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/queue_display.py" line="60"/>
        <source>Panggilan sebelumnya</source>
        <translation>Previous calls</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/queue_display.py" line="124"/>
        <source>LOKET %1</source>
        <translation>COUNTER %1</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/queue_display.py" line="126"/>
        <source>Loket %1</source>
        <translation>Counter %1</translation>
    </message>
</context>
<context>
    <name>QueuePanel</name>
    <message>
        <location filename="../../faskim_desktop/gui/queue_panel.py" line="43"/>
        <source>Antrean loket</source>
        <translation>Counter queue</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/queue_panel.py" line="47"/>
        <location filename="../../faskim_desktop/gui/queue_panel.py" line="201"/>
        <source>Belum ada nomor dipanggil</source>
        <translation>No number called yet</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/queue_panel.py" line="53"/>
        <source>&amp;Panggil berikutnya</source>
        <translation>Call &amp;next</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/queue_panel.py" line="54"/>
        <source>Panggil &amp;ulang</source>
        <translation>&amp;Recall</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/queue_panel.py" line="55"/>
        <source>Le&amp;wati</source>
        <translation>S&amp;kip</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/queue_panel.py" line="56"/>
        <source>&amp;Mulai berkas</source>
        <translation>&amp;Start file</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/queue_panel.py" line="57"/>
        <source>Pemohon yang dipanggil sudah di loket: buka berkas baru untuknya</source>
        <translation>The called applicant is at the counter: open a new file for them</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/queue_panel.py" line="58"/>
        <source>Ambil nomor (demo)</source>
        <translation>Take a number (demo)</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/queue_panel.py" line="59"/>
        <source>Mencetak nomor antrean baru, untuk demo dan pelatihan</source>
        <translation>Prints a new queue number, for demos and training</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/queue_panel.py" line="114"/>
        <source>Menunggu: %1</source>
        <translation>Waiting: %1</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/queue_panel.py" line="126"/>
        <source>Nomor %1 diambil.</source>
        <translation>Number %1 taken.</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/queue_panel.py" line="145"/>
        <source>Dipanggil: %1</source>
        <translation>Called: %1</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/queue_panel.py" line="147"/>
        <source>Tekan &quot;Mulai berkas&quot; saat pemohon datang ke loket.</source>
        <translation>Press &quot;Start file&quot; when the applicant comes to the counter.</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/queue_panel.py" line="169"/>
        <source>Dilayani: %1</source>
        <translation>Serving: %1</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/queue_panel.py" line="171"/>
        <source>Berkas baru %1 dibuka.</source>
        <translation>New file %1 opened.</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/queue_panel.py" line="186"/>
        <source>Nomor %1 dipanggil ulang.</source>
        <translation>Number %1 recalled.</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/queue_panel.py" line="199"/>
        <source>Nomor %1 dilewati.</source>
        <translation>Number %1 skipped.</translation>
    </message>
</context>
<context>
    <name>RegisterPage</name>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_register.py" line="25"/>
        <source>Nomor register diberikan otomatis oleh sistem saat halaman ini dibuka: berurutan per tahun, tidak pernah dipakai ulang, dan unik di semua kursi.</source>
        <translation>The system assigns the register number when this page opens: sequential per year, never reused, and unique across all seats.</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_register.py" line="40"/>
        <source>Nomor register:</source>
        <translation>Register no.:</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_register.py" line="41"/>
        <source>Pemohon:</source>
        <translation>Applicant:</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_register.py" line="42"/>
        <source>Nomor paspor:</source>
        <translation>Passport no.:</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_register.py" line="43"/>
        <source>Kartu berlaku hingga:</source>
        <translation>Card valid until:</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_register.py" line="45"/>
        <source>&amp;Coba beri nomor lagi</source>
        <translation>&amp;Retry numbering</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_register.py" line="48"/>
        <source>&amp;Lanjut ke pencetakan kartu</source>
        <translation>&amp;Continue to card printing</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_register.py" line="79"/>
        <source>Memproses… nomor register sedang diberikan.</source>
        <translation>Processing… assigning the register number.</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_register.py" line="95"/>
        <source>Nomor register %1 tercatat. Lanjutkan ke pencetakan kartu.</source>
        <translation>Register no. %1 recorded. Continue to card printing.</translation>
    </message>
</context>
<context>
    <name>ReprintDialog</name>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_cetak.py" line="355"/>
        <source>Cetak ulang kartu — persetujuan supervisor</source>
        <translation>Reprint card — supervisor approval</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_cetak.py" line="357"/>
        <source>Misalnya: warna pudar, data terpotong, kartu tergores</source>
        <translation>For example: faded colours, data cut off, card scratched</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_cetak.py" line="364"/>
        <source>&amp;Alasan kartu rusak:</source>
        <translation>&amp;Reason the card is spoilt:</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_cetak.py" line="365"/>
        <source>Nama pengguna &amp;supervisor:</source>
        <translation>&amp;Supervisor username:</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_cetak.py" line="366"/>
        <source>&amp;Kata sandi supervisor:</source>
        <translation>Supervisor &amp;password:</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_cetak.py" line="371"/>
        <source>&amp;Setujui cetak ulang</source>
        <translation>&amp;Approve reprint</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_cetak.py" line="372"/>
        <source>&amp;Batal</source>
        <translation>&amp;Cancel</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_cetak.py" line="378"/>
        <source>Kartu yang rusak tetap tercatat sebagai kartu rusak. Cetak ulang hanya dengan alasan dan persetujuan supervisor.</source>
        <translation>A spoilt card stays recorded as spoilt. Reprint only with a reason and supervisor approval.</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_cetak.py" line="393"/>
        <source>Memproses…</source>
        <translation>Processing…</translation>
    </message>
</context>
<context>
    <name>SearchPage</name>
    <message>
        <location filename="../../faskim_desktop/gui/pages/search.py" line="151"/>
        <source>Cari nama (sebagian), no. permohonan/kuitansi/register, paspor, NIORA…</source>
        <translation>Search by name (or part), application/receipt/register no., passport, NIORA…</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/search.py" line="154"/>
        <source>Semua status</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/search.py" line="155"/>
        <source>Masih berjalan</source>
        <translation>In progress</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/search.py" line="156"/>
        <source>Sudah berakhir</source>
        <translation>Ended</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/search.py" line="159"/>
        <source>&amp;Tanggal dibuat</source>
        <translation>&amp;Date created</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/search.py" line="181"/>
        <source>&amp;Cari:</source>
        <translation>&amp;Search:</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/search.py" line="183"/>
        <source>&amp;Status:</source>
        <translation>S&amp;tatus:</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/search.py" line="248"/>
        <source>Ketik nama atau nomor.</source>
        <translation>Type a name or number.</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/search.py" line="250"/>
        <source>Mencari…</source>
        <translation>Searching…</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/search.py" line="267"/>
        <source>Tidak ditemukan.</source>
        <translation>Nothing found.</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/search.py" line="269"/>
        <source>%1 berkas.</source>
        <translation>%1 file(s).</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/search.py" line="271"/>
        <source>%1+ berkas (gulir untuk lebih banyak).</source>
        <translation>%1+ files (scroll for more).</translation>
    </message>
</context>
<context>
    <name>SearchResultModel</name>
    <message>
        <location filename="../../faskim_desktop/gui/pages/search.py" line="57"/>
        <source>No. permohonan</source>
        <translation>Application no.</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/search.py" line="57"/>
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/search.py" line="57"/>
        <source>Paspor</source>
        <translation>Passport</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/search.py" line="57"/>
        <source>NIORA</source>
        <translation>NIORA</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/search.py" line="58"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/search.py" line="58"/>
        <source>Dibuat</source>
        <translation>Created</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/search.py" line="58"/>
        <source>No. kuitansi</source>
        <translation>Receipt no.</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/search.py" line="58"/>
        <source>No. register</source>
        <translation>Register no.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../faskim_desktop/gui/settings_dialog.py" line="35"/>
        <source>Pengaturan komputer ini</source>
        <translation>Settings for this computer</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/settings_dialog.py" line="38"/>
        <source>&amp;Pilih…</source>
        <translation>Bro&amp;wse…</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/settings_dialog.py" line="44"/>
        <source>kosong = SQLite di folder data; mis. postgresql+psycopg://user@server/faskim</source>
        <translation>empty = SQLite in the data folder; e.g. postgresql+psycopg://user@server/faskim</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/settings_dialog.py" line="45"/>
        <source>&amp;Uji koneksi</source>
        <translation>&amp;Test connection</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/settings_dialog.py" line="53"/>
        <source> menit</source>
        <translation> min</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/settings_dialog.py" line="57"/>
        <source>&amp;Folder data</source>
        <translation>Data &amp;folder</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/settings_dialog.py" line="58"/>
        <source>&amp;Basis data</source>
        <translation>&amp;Database</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/settings_dialog.py" line="59"/>
        <source>Nama &amp;kursi/loket</source>
        <translation>S&amp;eat/counter name</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/settings_dialog.py" line="60"/>
        <source>Kunci layar setelah &amp;diam</source>
        <translation>&amp;Lock screen when idle for</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/settings_dialog.py" line="61"/>
        <source>Folder &amp;cadangan harian</source>
        <translation>Daily &amp;backup folder</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/settings_dialog.py" line="64"/>
        <source>Perubahan folder data dan basis data berlaku setelah aplikasi dibuka ulang.</source>
        <translation>Changes to the data folder and database take effect after a restart.</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/settings_dialog.py" line="77"/>
        <source>Pilih folder data</source>
        <translation>Choose the data folder</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/settings_dialog.py" line="88"/>
        <source>Alamat basis data tidak dikenali. Contoh: postgresql+psycopg://user@server/faskim</source>
        <translation>Database address not recognised. Example: postgresql+psycopg://user@server/faskim</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/settings_dialog.py" line="99"/>
        <source>Koneksi berhasil.</source>
        <translation>Connection succeeded.</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/settings_dialog.py" line="103"/>
        <source>Koneksi gagal. Periksa alamat, nama pengguna dan jaringan.</source>
        <translation>Connection failed. Check the address, username and network.</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/settings_dialog.py" line="114"/>
        <source>Folder tidak dapat dibuat: %1</source>
        <translation>The folder cannot be created: %1</translation>
    </message>
</context>
<context>
    <name>TechnicianPage</name>
    <message>
        <location filename="../../faskim_desktop/gui/pages/technician.py" line="578"/>
        <source>Berkas pengaturan perangkat rusak dan disisihkan; pengaturan bawaan dipakai.</source>
        <translation>The device settings file was damaged and set aside; the defaults are used.</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/technician.py" line="585"/>
        <source>Driver terpasang</source>
        <translation>Installed drivers</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/technician.py" line="589"/>
        <source>Jenis</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/technician.py" line="589"/>
        <source>Driver</source>
        <translation>Driver</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/technician.py" line="589"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/technician.py" line="589"/>
        <source>Alasan / perangkat</source>
        <translation>Reason / devices</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/technician.py" line="614"/>
        <source>Muat ulang daftar driver</source>
        <translation>Reload driver list</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/technician.py" line="618"/>
        <source>Ekspor diagnostik…</source>
        <translation>Export diagnostics…</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/technician.py" line="631"/>
        <source>Kamera</source>
        <translation>Camera</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/technician.py" line="632"/>
        <source>Sidik jari</source>
        <translation>Fingerprint reader</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/technician.py" line="633"/>
        <source>Pemindai dokumen</source>
        <translation>Document scanner</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/technician.py" line="634"/>
        <source>Printer kartu</source>
        <translation>Card printer</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/technician.py" line="635"/>
        <source>Pembaca kartu cip</source>
        <translation>Smart-card reader</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/technician.py" line="647"/>
        <source>Memeriksa driver…</source>
        <translation>Checking drivers…</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/technician.py" line="682"/>
        <source>mendeteksi perangkat…</source>
        <translation>detecting devices…</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/technician.py" line="686"/>
        <source>Daftar driver diperbarui; mendeteksi perangkat…</source>
        <translation>Driver list updated; detecting devices…</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/technician.py" line="699"/>
        <source>tidak ada perangkat</source>
        <translation>no devices</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/technician.py" line="703"/>
        <source>Daftar driver dan perangkat diperbarui.</source>
        <translation>Driver and device lists updated.</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/technician.py" line="716"/>
        <source>Pengaturan perangkat komputer ini disimpan.</source>
        <translation>Device settings for this computer saved.</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/technician.py" line="661"/>
        <source>tersedia</source>
        <translation>available</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/technician.py" line="563"/>
        <source>Perangkat komputer ini</source>
        <translation>Devices of this computer</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/technician.py" line="569"/>
        <source>Komputer: %1 — pilihan disimpan untuk komputer ini.</source>
        <translation>Computer: %1 — choices are saved for this computer.</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/technician.py" line="616"/>
        <source>Simpan pengaturan perangkat</source>
        <translation>Save device settings</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/technician.py" line="661"/>
        <source>tidak tersedia</source>
        <translation>unavailable</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/technician.py" line="722"/>
        <source>Ekspor diagnostik</source>
        <translation>Export diagnostics</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/technician.py" line="732"/>
        <source>Menyusun diagnostik…</source>
        <translation>Collecting diagnostics…</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/technician.py" line="736"/>
        <source>Diagnostik disimpan: %1</source>
        <translation>Diagnostics saved: %1</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/technician.py" line="741"/>
        <source>Ekspor diagnostik gagal.</source>
        <translation>Diagnostics export failed.</translation>
    </message>
</context>
<context>
    <name>TerimaPage</name>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_terima.py" line="101"/>
        <source>Yang menyerahkan berkas</source>
        <translation>Submitted by</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_terima.py" line="102"/>
        <source>P&amp;emohon / orang tua pemohon</source>
        <translation>A&amp;pplicant / applicant&apos;s parent</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_terima.py" line="103"/>
        <source>&amp;Kuasa (dengan surat kuasa)</source>
        <translation>Pro&amp;xy (with power of attorney)</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_terima.py" line="109"/>
        <source>sesuai paspor, dicetak pada tanda terima</source>
        <translation>as in the passport; printed on the acknowledgement receipt</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_terima.py" line="113"/>
        <source>nomor / tanggal surat kuasa</source>
        <translation>power of attorney number / date</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_terima.py" line="131"/>
        <source>No. &amp;identitas kuasa:</source>
        <translation>Proxy &amp;ID no.:</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_terima.py" line="139"/>
        <source>Dokumen yang diterima (* wajib)</source>
        <translation>Documents received (* required)</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_terima.py" line="151"/>
        <source>Memproses…</source>
        <translation>Processing…</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_terima.py" line="243"/>
        <source>Nomor antrean: %1</source>
        <translation>Queue number: %1</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_terima.py" line="127"/>
        <source>Nama pemohon (&amp;anak):</source>
        <translation>Applicant name (chil&amp;d):</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_terima.py" line="128"/>
        <location filename="../../faskim_desktop/gui/pages/step_terima.py" line="263"/>
        <source>Nama yang me&amp;nyerahkan:</source>
        <translation>Name of s&amp;ubmitter:</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_terima.py" line="134"/>
        <source>Su&amp;rat kuasa:</source>
        <translation>Power of attorne&amp;y:</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_terima.py" line="142"/>
        <source>Centang semua yang wa&amp;jib</source>
        <translation>&amp;Tick all required</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_terima.py" line="147"/>
        <source>Terima &amp;&amp; &amp;cetak tanda terima</source>
        <translation>&amp;Accept &amp;&amp; print acknowledgement</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_terima.py" line="263"/>
        <source>&amp;Nama kuasa:</source>
        <translation>Pr&amp;oxy name:</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_terima.py" line="274"/>
        <source>Belum tersimpan…</source>
        <translation>Not saved yet…</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_terima.py" line="279"/>
        <source>%1 dari %2 dokumen dicentang</source>
        <translation>%1 of %2 documents ticked</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_terima.py" line="311"/>
        <source>Tersimpan otomatis</source>
        <translation>Saved automatically</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_terima.py" line="316"/>
        <source>Draf belum tersimpan: %1</source>
        <translation>Draft not saved: %1</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_terima.py" line="363"/>
        <source>Tanda terima %1 dikirim ke printer.</source>
        <translation>Acknowledgement receipt %1 sent to the printer.</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_terima.py" line="367"/>
        <source>Tanda terima %1 belum tercetak: %2 (salinan tersimpan)</source>
        <translation>Acknowledgement receipt %1 not printed: %2 (a copy is saved)</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/step_terima.py" line="372"/>
        <source>Berkas %1 diterima; tanda terima dicetak.</source>
        <translation>File %1 received; acknowledgement receipt printed.</translation>
    </message>
</context>
<context>
    <name>UserDialog</name>
    <message>
        <location filename="../../faskim_desktop/gui/pages/admin.py" line="42"/>
        <source>Ubah pengguna</source>
        <translation>Edit user</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/admin.py" line="42"/>
        <source>Tambah pengguna</source>
        <translation>Add user</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/admin.py" line="50"/>
        <source>kosongkan bila tidak diganti</source>
        <translation>leave empty to keep it</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/admin.py" line="51"/>
        <source>&amp;Nama pengguna</source>
        <translation>&amp;Username</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/admin.py" line="53"/>
        <source>Nama &amp;lengkap</source>
        <translation>&amp;Full name</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/admin.py" line="54"/>
        <source>N&amp;IP</source>
        <translation>N&amp;IP</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/admin.py" line="55"/>
        <source>&amp;Kata sandi</source>
        <translation>&amp;Password</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/admin.py" line="56"/>
        <source>Peran</source>
        <translation>Roles</translation>
    </message>
</context>
<context>
    <name>VerifyCardPage</name>
    <message>
        <location filename="../../faskim_desktop/gui/pages/verify_card.py" line="90"/>
        <source>Periksa segel digital di balik kartu Faskim: pindai kartu, potret dengan kamera, atau buka berkas gambar/PDF. Pemeriksaan berjalan tanpa jaringan.</source>
        <translation>Check the digital seal on the back of a Faskim card: scan the card, photograph it with the camera, or open an image/PDF file. The check works offline.</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/verify_card.py" line="95"/>
        <source>Dari &amp;berkas…</source>
        <translation>From &amp;image file…</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/verify_card.py" line="97"/>
        <source>Dari &amp;pemindai</source>
        <translation>From &amp;scanner</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/verify_card.py" line="99"/>
        <source>Dari &amp;kamera</source>
        <translation>From &amp;camera</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/verify_card.py" line="106"/>
        <source>Belum ada gambar</source>
        <translation>No image yet</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/verify_card.py" line="119"/>
        <source>Kantor penerbit / kunci:</source>
        <translation>Issuing office / key:</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/verify_card.py" line="147"/>
        <source>Memproses… mencari dan memeriksa segel.</source>
        <translation>Processing… finding and checking the seal.</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/verify_card.py" line="151"/>
        <source>Buka gambar atau PDF kartu</source>
        <translation>Open a card image or PDF</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/verify_card.py" line="151"/>
        <source>Kartu (*.pdf *.png *.jpg *.jpeg)</source>
        <translation>Cards (*.pdf *.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/verify_card.py" line="225"/>
        <source>SAH</source>
        <translation>VALID</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/verify_card.py" line="225"/>
        <source>TIDAK SAH</source>
        <translation>NOT VALID</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/verify_card.py" line="232"/>
        <source>PERHATIAN: data di bawah ini TIDAK terverifikasi.</source>
        <translation>CAUTION: the data below is NOT verified.</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/verify_card.py" line="243"/>
        <source>TIDAK TERBACA</source>
        <translation>UNREADABLE</translation>
    </message>
</context>
<context>
    <name>WasdakimHitsWidget</name>
    <message>
        <location filename="../../faskim_desktop/gui/pages/wasdakim_hits.py" line="41"/>
        <source>Referensi</source>
        <translation>Reference</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/wasdakim_hits.py" line="41"/>
        <source>Jenis daftar</source>
        <translation>List type</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/wasdakim_hits.py" line="41"/>
        <source>Skor</source>
        <translation>Score</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/wasdakim_hits.py" line="41"/>
        <source>Nama dalam daftar</source>
        <translation>Name on the list</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/wasdakim_hits.py" line="42"/>
        <source>Alasan kecocokan</source>
        <translation>Why it matches</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/wasdakim_hits.py" line="57"/>
        <source>Cegah (dilarang keluar)</source>
        <translation>Cegah (exit ban)</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/wasdakim_hits.py" line="59"/>
        <source>Tangkal (dilarang masuk)</source>
        <translation>Tangkal (entry ban)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../faskim_desktop/gui/pages/wasdakim_hits.py" line="65"/>
        <source>%n kemungkinan kecocokan dengan daftar cekal.</source>
        <translation>
            <numerusform>%n possible match on the cekal watch list.</numerusform>
            <numerusform>%n possible matches on the cekal watch list.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/pages/wasdakim_hits.py" line="67"/>
        <source>Tidak ada kecocokan dengan daftar cekal.</source>
        <translation>No match on the cekal watch list.</translation>
    </message>
</context>
<context>
    <name>WorkQueueModel</name>
    <message>
        <location filename="../../faskim_desktop/gui/work_queue.py" line="32"/>
        <source>Nomor permohonan</source>
        <translation>Application no.</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/work_queue.py" line="32"/>
        <source>Pemohon</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/work_queue.py" line="32"/>
        <source>Tahap</source>
        <translation>Stage</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/work_queue.py" line="32"/>
        <source>Menunggu sejak</source>
        <translation>Waiting since</translation>
    </message>
    <message>
        <location filename="../../faskim_desktop/gui/work_queue.py" line="33"/>
        <source>Antrean</source>
        <translation>Queue</translation>
    </message>
</context>
<context>
    <name>WorkQueueView</name>
    <message>
        <location filename="../../faskim_desktop/gui/work_queue.py" line="106"/>
        <source>%1 berkas menunggu Anda. Enter atau klik dua kali untuk membuka.</source>
        <translation>%1 file(s) waiting for you. Press Enter or double-click to open.</translation>
    </message>
</context>
</TS>
