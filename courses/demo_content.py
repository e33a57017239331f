"""Demo curricula for `seed_demo`: two four-week courses in Bahasa Indonesia."""

# Pure data, no Django imports. Lesson bodies are lists of (block_type, value) tuples; rich
# text uses only p, h3, ul/ol/li, b and i. Media file names refer to courses/demo_media/.
# Video links are placeholders: the site loads them only when a learner taps, and each
# transcript carries the full content for learners who cannot spend mobile data.

COURSES = [
    {
        "slug": "pemasaran-digital",
        "title": "Pemasaran Digital untuk UMKM",
        "summary": (
            "Belajar berjualan lewat Instagram, TikTok, dan WhatsApp Business: dari membuat akun "
            "bisnis, memotret dan merekam produk dengan ponsel, sampai memasang iklan dengan "
            "anggaran kecil dan mengukur hasilnya."
        ),
        "objectives": [
            "Menjelaskan manfaat dan tantangan jualan online untuk usaha sendiri",
            "Membuat dan mengelola akun bisnis Instagram dan TikTok",
            "Membuat foto produk, video pendek, caption, dan tagar dengan ponsel",
            "Menyusun anggaran iklan per platform dan memasang promosi berbayar",
            "Membandingkan jangkauan dan penjualan sebelum dan sesudah promosi",
        ],
        "hours_per_week": 3,
        "pacing": "self_paced",
        "mentor_name": "Rina Astuti",
        "mentor_phone": "+6281200002001",
        "cover": "cover-pemasaran-digital.jpg",
        "weeks": [
            {
                "title": "Mengapa jualan online",
                "summary": (
                    "Melihat apa yang didapat dan apa yang perlu disiapkan sebelum usaha Anda "
                    "hadir di ponsel pembeli."
                ),
                "lessons": [
                    {
                        "title": "Pasar yang ada di dalam ponsel",
                        "slug": "pasar-di-dalam-ponsel",
                        "minutes": 15,
                        "body": [
                            (
                                "text",
                                (
                                    "<p>Dulu, pembeli bakpia Anda kebanyakan orang yang lewat di "
                                    "depan toko. Sekarang, banyak orang mencari makanan, "
                                    "oleh-oleh, dan kerajinan lewat ponsel sebelum memutuskan "
                                    "membeli. Kalau usaha Anda tidak muncul di sana, mereka akan "
                                    "menemukan penjual lain.</p>"
                                    "<p>Jualan online bukan berarti menutup toko. Toko, warung, "
                                    "atau lapak tetap jalan. Ponsel menjadi etalase kedua yang "
                                    "buka 24 jam.</p>"
                                    "<h3>Apa yang Anda dapat</h3>"
                                    "<ul>"
                                    "<li><b>Pembeli dari luar kampung.</b> Wisatawan yang pernah "
                                    "mampir membeli bakpia atau kaos batik bisa memesan lagi "
                                    "setelah pulang ke kotanya.</li>"
                                    "<li><b>Pelanggan lama tetap ingat.</b> Mereka melihat "
                                    "unggahan Anda setiap minggu, jadi teringat saat butuh.</li>"
                                    "<li><b>Biaya awal kecil.</b> Akun Instagram, TikTok, dan "
                                    "WhatsApp Business gratis. Modal utamanya ponsel, kuota, dan "
                                    "waktu.</li>"
                                    "<li><b>Belajar dari data.</b> Aplikasi menunjukkan berapa "
                                    "orang melihat unggahan dan produk mana yang paling banyak "
                                    "ditanyakan.</li>"
                                    "</ul>"
                                    "<h3>Tantangannya juga nyata</h3>"
                                    "<ul>"
                                    "<li>Harus rutin mengunggah dan cepat membalas pesan.</li>"
                                    "<li>Pembeli mudah membandingkan harga dengan penjual "
                                    "lain.</li>"
                                    "<li>Perlu kemasan yang aman untuk dikirim, misalnya gudeg "
                                    "kaleng atau besek yang tertutup rapat.</li>"
                                    "</ul>"
                                ),
                            ),
                            (
                                "tip",
                                {
                                    "title": "Mulai dari yang sudah ada",
                                    "text": (
                                        "<p>Anda tidak perlu langsung membuka semua akun. Banyak "
                                        "usaha mulai dari WhatsApp: simpan nomor pelanggan, lalu "
                                        "kirim foto produk baru lewat status. Setelah terbiasa, "
                                        "baru tambah Instagram atau TikTok.</p>"
                                    ),
                                },
                            ),
                            (
                                "video",
                                {
                                    "title": "Kenapa UMKM perlu jualan online",
                                    "url": "https://www.youtube.com/watch?v=pD7kR2mQx4A",
                                    "thumbnail": "video-alasan-jualan-online.jpg",
                                    "duration_seconds": 150,
                                    "transcript": (
                                        "<p>Halo, Bapak dan Ibu pelaku UMKM. Di video singkat ini "
                                        "kita bahas satu pertanyaan: kenapa usaha kecil perlu "
                                        "jualan online?</p>"
                                        "<p>Bayangkan Bu Sri, penjual bakpia di dekat Malioboro. "
                                        "Setiap libur panjang tokonya ramai. Setelah wisatawan "
                                        "pulang, tokonya sepi lagi. Padahal banyak pembeli yang "
                                        "ingin pesan lagi, hanya tidak tahu caranya.</p>"
                                        "<p>Sejak Bu Sri punya akun Instagram dan WhatsApp "
                                        "Business, pembeli lama bisa mengirim pesan, melihat "
                                        "varian rasa, lalu minta dikirim lewat ekspedisi. Tokonya "
                                        "tetap jalan, tapi sekarang ada etalase kedua di "
                                        "ponsel.</p>"
                                        "<p>Ada tiga hal yang perlu diingat. Pertama, jualan "
                                        "online itu soal kepercayaan. Foto yang jujur, harga yang "
                                        "jelas, dan balasan yang ramah membuat orang berani "
                                        "transfer. Kedua, jualan online butuh kebiasaan. Lebih "
                                        "baik mengunggah tiga kali seminggu secara rutin daripada "
                                        "sepuluh kali lalu berhenti sebulan. Ketiga, mulailah "
                                        "dari satu atau dua saluran yang paling cocok, jangan "
                                        "semuanya sekaligus.</p>"
                                        "<p>Tentu ada tantangannya. Pembeli online ingin dijawab "
                                        "cepat, jadi siapkan waktu untuk membalas pesan. Produk "
                                        "juga harus aman dalam perjalanan. Pak Joko, penjual kopi "
                                        "Gunungkidul, misalnya, mengganti plastik biasa dengan "
                                        "kantong berzip yang rapat supaya aroma kopinya tetap "
                                        "terjaga sampai di tangan pembeli di luar kota.</p>"
                                        "<p>Tugas Anda minggu ini: tulis siapa pembeli Anda, di "
                                        "mana mereka biasa mencari produk seperti milik Anda, dan "
                                        "produk mana yang paling mudah dikirim. Sampai jumpa di "
                                        "video berikutnya.</p>"
                                    ),
                                },
                            ),
                            (
                                "checklist",
                                {
                                    "title": "Cek kesiapan Anda",
                                    "items": [
                                        "Saya tahu siapa pembeli utama saya",
                                        "Kamera ponsel saya berfungsi baik",
                                        (
                                            "Saya bisa menyisihkan 30 menit sehari untuk mengurus "
                                            "akun"
                                        ),
                                        "Produk saya bisa dikemas dan dikirim dengan aman",
                                        (
                                            "Saya punya cara menerima pembayaran, misalnya "
                                            "transfer bank atau QRIS"
                                        ),
                                    ],
                                },
                            ),
                        ],
                    },
                    {
                        "title": "Memilih saluran jualan yang cocok",
                        "slug": "memilih-saluran-jualan",
                        "minutes": 15,
                        "body": [
                            (
                                "text",
                                (
                                    "<p>Setiap saluran punya kekuatan sendiri. Pilih berdasarkan "
                                    "siapa pembeli Anda dan seperti apa produk Anda, bukan karena "
                                    "ikut-ikutan.</p>"
                                    "<h3>Instagram</h3>"
                                    "<p>Cocok untuk produk yang enak dilihat: batik tulis, "
                                    "kerajinan perak Kotagede, kue, dan minuman. Pembeli melihat "
                                    "foto dan video, lalu mengirim pesan. Fitur sorotan "
                                    "(highlight) bisa dipakai sebagai katalog, daftar harga, dan "
                                    "testimoni.</p>"
                                    "<h3>TikTok</h3>"
                                    "<p>Cocok untuk memperlihatkan proses dan cerita: perajin "
                                    "menempa perak, gudeg dimasak berjam-jam, kopi Gunungkidul "
                                    "disangrai. Video pendek bisa tampil di layar orang yang "
                                    "belum mengikuti akun Anda, jadi cocok untuk dikenal pembeli "
                                    "baru.</p>"
                                    "<h3>WhatsApp Business</h3>"
                                    "<p>Tempat menutup penjualan dan merawat pelanggan. Ada "
                                    "katalog produk, pesan salam otomatis, balasan cepat, dan "
                                    "label untuk menandai pesanan baru, sudah bayar, atau sudah "
                                    "dikirim.</p>"
                                    "<h3>Marketplace</h3>"
                                    "<p>Shopee, Tokopedia, dan sejenisnya cocok bila pembeli "
                                    "tersebar di banyak kota dan terbiasa membeli dengan ongkos "
                                    "kirim yang langsung tertera. Perhatikan potongan biaya "
                                    "layanan marketplace saat menentukan harga jual.</p>"
                                    "<h3>Contoh pilihan</h3>"
                                    "<ul>"
                                    "<li>Warung gudeg yang pembelinya warga sekitar dan pegawai "
                                    "kantor: status WhatsApp setiap pagi, ditambah Instagram "
                                    "untuk pesanan nasi kotak.</li>"
                                    "<li>Perajin perak Kotagede yang mengincar pembeli luar kota: "
                                    "Instagram untuk memamerkan karya, WhatsApp untuk pesanan "
                                    "khusus, dan marketplace untuk produk siap kirim.</li>"
                                    "</ul>"
                                ),
                            ),
                            (
                                "tip",
                                {
                                    "title": "Satu untuk dikenal, satu untuk transaksi",
                                    "text": (
                                        "<p>Kombinasi yang sering dipakai UMKM: Instagram atau "
                                        "TikTok supaya dikenal, lalu WhatsApp Business untuk "
                                        "melayani pesanan. Pasang tautan WhatsApp di bio supaya "
                                        "pembeli tinggal sekali ketuk.</p>"
                                    ),
                                },
                            ),
                            (
                                "checklist",
                                {
                                    "title": "Tentukan saluran Anda",
                                    "items": [
                                        (
                                            "Tulis tiga ciri pembeli utama: usia, tempat tinggal, "
                                            "kapan biasanya membeli"
                                        ),
                                        (
                                            "Tanyakan ke lima pelanggan aplikasi apa yang paling "
                                            "sering mereka buka"
                                        ),
                                        (
                                            "Pilih satu saluran untuk dikenal dan satu untuk "
                                            "transaksi"
                                        ),
                                        "Catat alasan pilihan Anda di buku usaha",
                                    ],
                                },
                            ),
                        ],
                    },
                    {
                        "title": "Menyiapkan bahan sebelum mulai",
                        "slug": "menyiapkan-bahan",
                        "minutes": 20,
                        "body": [
                            (
                                "text",
                                (
                                    "<p>Sebelum membuat akun, siapkan bahan-bahannya dulu. Dengan "
                                    "begitu akun Anda langsung terlihat rapi dan meyakinkan sejak "
                                    "unggahan pertama.</p>"
                                    "<h3>Yang perlu disiapkan</h3>"
                                    "<ol>"
                                    "<li><b>Nama usaha yang mudah dicari.</b> Pendek, mudah "
                                    'dieja, dan sama di semua aplikasi. Contoh: "Bakpia Bu Sri '
                                    'Jogja", bukan "bakpia_enak_banget_123".</li>'
                                    "<li><b>Logo atau foto profil.</b> Logo sederhana atau foto "
                                    "produk andalan. Pastikan tetap jelas saat tampil kecil.</li>"
                                    "<li><b>Daftar produk dan harga.</b> Nama produk, ukuran atau "
                                    "isi, dan harga. Misalnya: bakpia kacang hijau isi 20, Rp "
                                    "40.000.</li>"
                                    "<li><b>Cara pesan dan cara bayar.</b> Nomor WhatsApp usaha, "
                                    "nomor rekening, dan QRIS bila ada.</li>"
                                    "<li><b>Cara kirim.</b> Ambil sendiri, kurir lokal untuk "
                                    "dalam kota, atau ekspedisi untuk luar kota. Tulis juga daya "
                                    "tahan produk, karena gudeg basah dan gudeg kaleng sangat "
                                    "berbeda.</li>"
                                    "<li><b>Sepuluh foto pertama.</b> Produk, tempat usaha, dan "
                                    "proses pembuatan. Cara memotret yang baik dibahas di minggu "
                                    "ketiga.</li>"
                                    "</ol>"
                                    "<p>Simpan semua bahan dalam satu folder atau satu catatan di "
                                    "ponsel, supaya mudah disalin saat membuat akun.</p>"
                                    "<h3>Bangun kepercayaan sejak awal</h3>"
                                    "<p>Pembeli online belum pernah bertemu Anda. Gunakan "
                                    "rekening atas nama usaha atau nama pemilik yang sama dengan "
                                    "nama di profil, tampilkan alamat atau kecamatan usaha, dan "
                                    "simpan foto testimoni pembeli (dengan izin) untuk diunggah "
                                    "nanti.</p>"
                                ),
                            ),
                            (
                                "tip",
                                {
                                    "title": "Jelas soal harga dan ongkir",
                                    "text": (
                                        '<p>Pertanyaan yang paling sering muncul adalah "berapa '
                                        'harganya?" dan "bisa kirim ke mana?". Tulis jawabannya '
                                        "di profil dan katalog. Pembeli lebih cepat memutuskan "
                                        "bila tidak perlu bertanya berkali-kali.</p>"
                                    ),
                                },
                            ),
                            (
                                "checklist",
                                {
                                    "title": "Bahan akun siap",
                                    "items": [
                                        "Nama usaha sudah dipilih dan belum dipakai akun lain",
                                        "Logo atau foto profil sudah ada",
                                        "Daftar produk dan harga sudah ditulis",
                                        "Nomor WhatsApp usaha dan cara bayar sudah jelas",
                                        "Pilihan pengiriman dan daya tahan produk sudah dicatat",
                                        "Minimal sepuluh foto sudah tersimpan",
                                    ],
                                },
                            ),
                        ],
                    },
                ],
            },
            {
                "title": "Akun bisnis Instagram dan TikTok",
                "summary": (
                    "Membuat akun bisnis, melengkapi profil, dan mengelolanya setiap hari dengan "
                    "aman."
                ),
                "lessons": [
                    {
                        "title": "Membuat akun bisnis Instagram",
                        "slug": "akun-bisnis-instagram",
                        "minutes": 20,
                        "body": [
                            (
                                "text",
                                (
                                    "<p>Akun bisnis (di Instagram disebut akun profesional) "
                                    "memberi Anda tombol kontak, kategori usaha, data jangkauan, "
                                    "dan fitur iklan. Akun pribadi bisa diubah menjadi akun "
                                    "bisnis, atau Anda membuat akun baru khusus usaha.</p>"
                                    "<h3>Langkah-langkahnya</h3>"
                                    "<ol>"
                                    "<li>Buka Instagram, masuk ke profil, lalu ketuk menu garis "
                                    "tiga di kanan atas.</li>"
                                    "<li>Cari <b>Jenis akun dan alat</b>, lalu ketuk <b>Beralih "
                                    "ke akun profesional</b>.</li>"
                                    "<li>Pilih kategori yang paling sesuai, misalnya makanan, "
                                    "kerajinan, atau pakaian.</li>"
                                    "<li>Pilih <b>Bisnis</b> dan ikuti petunjuk sampai "
                                    "selesai.</li>"
                                    "<li>Lengkapi kontak: nomor WhatsApp, email, dan alamat bila "
                                    "pembeli boleh datang.</li>"
                                    "</ol>"
                                    "<p>Nama menu kadang berubah saat aplikasi diperbarui. Kalau "
                                    'tidak ketemu, ketik "profesional" di kolom pencarian '
                                    "pengaturan.</p>"
                                    "<h3>Bio yang menjual</h3>"
                                    "<p>Bio hanya beberapa baris. Isi dengan apa yang dijual, "
                                    "keunggulannya, lokasi, dan cara pesan. Contoh:</p>"
                                    "<p><i>Perak buatan tangan Kotagede. Cincin, liontin, pesanan "
                                    "custom. Kirim ke seluruh Indonesia. Pesan lewat WA di "
                                    "bawah.</i></p>"
                                ),
                            ),
                            (
                                "video",
                                {
                                    "title": "Mengubah akun menjadi akun bisnis",
                                    "url": "https://www.youtube.com/watch?v=Lw9nT3bYc0E",
                                    "thumbnail": "video-akun-bisnis.jpg",
                                    "duration_seconds": 195,
                                    "transcript": (
                                        "<p>Di video ini saya tunjukkan cara mengubah akun "
                                        "Instagram dan TikTok menjadi akun bisnis. Siapkan ponsel "
                                        "dan pastikan Anda ingat kata sandi akun.</p>"
                                        "<p>Kita mulai dari Instagram. Buka profil, ketuk garis "
                                        'tiga di pojok kanan atas. Cari menu "Jenis akun dan '
                                        'alat", lalu "Beralih ke akun profesional". Instagram '
                                        'akan menanyakan kategori. Ketik misalnya "makanan", lalu '
                                        'pilih yang paling cocok. Berikutnya pilih "Bisnis". '
                                        "Terakhir, periksa kontak yang akan tampil di profil dan "
                                        "masukkan nomor WhatsApp usaha.</p>"
                                        "<p>Sekarang TikTok. Buka profil, ketuk garis tiga, lalu "
                                        '"Pengaturan dan privasi". Masuk ke "Akun", lalu pilih '
                                        '"Beralih ke Akun Bisnis". Pilih kategori usaha, lalu '
                                        "lengkapi bio.</p>"
                                        "<p>Setelah menjadi akun bisnis, muncul menu baru berisi "
                                        "dasbor atau analitik. Di sanalah nanti kita melihat "
                                        "berapa orang yang dijangkau unggahan Anda.</p>"
                                        "<p>Sesudah itu, rapikan profil. Pakai foto profil yang "
                                        "sama di kedua aplikasi supaya pembeli mudah mengenali. "
                                        "Di bio, tulis apa yang dijual, keunggulannya, lokasi, "
                                        'dan cara pesan. Contohnya: "Gudeg kering khas Jogja, '
                                        "tahan untuk oleh-oleh, kirim ke luar kota. Pesan lewat "
                                        'WhatsApp." Pendek, jelas, dan langsung menjawab '
                                        "pertanyaan pembeli.</p>"
                                        "<p>Kalau menu di ponsel Anda sedikit berbeda, jangan "
                                        "khawatir. Aplikasi sering diperbarui. Gunakan kolom "
                                        'pencarian di pengaturan dan ketik "bisnis" atau '
                                        '"profesional".</p>'
                                        "<p>Satu pesan penting: aktifkan autentikasi dua faktor, "
                                        "dan jangan pernah memberikan kode OTP kepada siapa pun, "
                                        "termasuk orang yang mengaku dari Instagram atau "
                                        "TikTok.</p>"
                                    ),
                                },
                            ),
                            (
                                "checklist",
                                {
                                    "title": "Profil Instagram lengkap",
                                    "items": [
                                        "Sudah beralih ke akun profesional jenis Bisnis",
                                        "Foto profil jelas dan sama dengan akun lain",
                                        "Bio berisi produk, keunggulan, lokasi, dan cara pesan",
                                        "Tombol kontak atau tautan WhatsApp sudah aktif",
                                        "Ada sorotan berisi daftar harga atau cara pesan",
                                    ],
                                },
                            ),
                        ],
                    },
                    {
                        "title": "Membuat akun bisnis TikTok",
                        "slug": "akun-bisnis-tiktok",
                        "minutes": 15,
                        "body": [
                            (
                                "text",
                                (
                                    "<p>TikTok bisa menampilkan video Anda kepada orang yang "
                                    "belum mengikuti akun Anda, asalkan videonya menarik. Karena "
                                    "itu TikTok bagus untuk memperkenalkan usaha kepada pembeli "
                                    "baru.</p>"
                                    "<h3>Langkah-langkahnya</h3>"
                                    "<ol>"
                                    "<li>Daftar dengan nomor ponsel atau email usaha. Pilih nama "
                                    "pengguna yang sama dengan Instagram bila masih tersedia.</li>"
                                    "<li>Buka profil, ketuk garis tiga, pilih <b>Pengaturan dan "
                                    "privasi</b>, lalu <b>Akun</b>.</li>"
                                    "<li>Ketuk <b>Beralih ke Akun Bisnis</b> dan pilih kategori "
                                    "usaha.</li>"
                                    "<li>Isi bio singkat dan tambahkan kontak atau tautan "
                                    "WhatsApp bila fiturnya tersedia di akun Anda.</li>"
                                    "<li>Unggah dua atau tiga video dulu sebelum akun "
                                    "dipromosikan, supaya orang yang mampir ke profil langsung "
                                    "melihat isinya.</li>"
                                    "</ol>"
                                    "<h3>Apa yang diunggah</h3>"
                                    "<p>Penonton TikTok suka melihat hal yang nyata. Tidak perlu "
                                    "studio. Contoh ide:</p>"
                                    "<ul>"
                                    "<li>Proses membuat bakpia dari adonan sampai keluar "
                                    "oven.</li>"
                                    "<li>Perajin batik mencanting motif parang, dipercepat "
                                    "menjadi 30 detik.</li>"
                                    '<li>"Satu hari di warung gudeg": dari belanja di pasar pagi '
                                    "sampai pembeli pertama.</li>"
                                    '<li>Menjawab pertanyaan pembeli, misalnya "bakpia tahan '
                                    'berapa hari?".</li>'
                                    "</ul>"
                                    "<h3>Belajar dari video sendiri</h3>"
                                    "<p>Setelah beberapa minggu, buka analitik dan lihat video "
                                    "mana yang paling lama ditonton. Buat video lain dengan gaya "
                                    "yang sama. Komentar pembeli juga bisa dijawab dengan video "
                                    "baru, sehingga satu pertanyaan menjadi satu konten.</p>"
                                ),
                            ),
                            (
                                "tip",
                                {
                                    "title": "Pemilik usaha yang masih muda",
                                    "text": (
                                        "<p>Instagram dan TikTok punya batas usia minimal "
                                        "pengguna, dan fitur iklan umumnya hanya untuk pengguna "
                                        "dewasa. Pemilik usaha yang masih di bawah umur sebaiknya "
                                        "mengelola akun usaha bersama orang tua atau wali.</p>"
                                    ),
                                },
                            ),
                            (
                                "checklist",
                                {
                                    "title": "Akun TikTok siap",
                                    "items": [
                                        "Sudah beralih ke Akun Bisnis",
                                        "Nama pengguna sama atau mirip dengan Instagram",
                                        "Bio menyebut produk, lokasi, dan cara pesan",
                                        "Tiga ide video pertama sudah dicatat",
                                    ],
                                },
                            ),
                        ],
                    },
                    {
                        "title": "Mengelola akun setiap hari",
                        "slug": "mengelola-akun",
                        "minutes": 20,
                        "body": [
                            (
                                "text",
                                (
                                    "<p>Akun yang sudah jadi perlu dirawat seperti toko: dibuka "
                                    "setiap hari, dirapikan, dan pembelinya dilayani. Kuncinya "
                                    "adalah jadwal yang sanggup Anda jalankan, bukan jadwal yang "
                                    "sempurna.</p>"
                                    "<h3>Contoh jadwal satu minggu</h3>"
                                    "<ul>"
                                    "<li><b>Senin:</b> foto produk andalan lengkap dengan "
                                    "harga.</li>"
                                    "<li><b>Rabu:</b> video pendek proses pembuatan.</li>"
                                    "<li><b>Jumat:</b> testimoni pembeli (minta izin dulu) atau "
                                    "promo akhir pekan.</li>"
                                    "<li><b>Setiap hari:</b> satu atau dua story, misalnya stok "
                                    "hari ini atau pesanan yang sedang dikemas.</li>"
                                    "</ul>"
                                    "<p>Siapkan konten seminggu sekaligus, misalnya setiap Minggu "
                                    "sore: foto, video, dan caption. Lalu unggah sesuai jadwal. "
                                    "Perbarui juga sorotan setiap kali harga atau produk berubah, "
                                    "supaya pembeli tidak membaca harga lama.</p>"
                                    "<h3>Membalas pesan dan komentar</h3>"
                                    "<p>Balas secepat mungkin, paling lambat di hari yang sama. "
                                    "Komentar yang tidak enak dijawab dengan sopan, lalu "
                                    "selesaikan lewat pesan pribadi. Di WhatsApp Business, beri "
                                    "label pada setiap percakapan, misalnya pesanan baru, sudah "
                                    "bayar, dan sudah dikirim, supaya tidak ada pesanan yang "
                                    "terlewat.</p>"
                                    "<h3>Menjaga keamanan akun</h3>"
                                    "<ul>"
                                    "<li>Aktifkan autentikasi dua faktor.</li>"
                                    "<li>Jangan pernah memberikan kode OTP kepada siapa pun.</li>"
                                    "<li>Waspadai pesan yang mengaku dari Instagram atau TikTok "
                                    "dan meminta Anda masuk lewat tautan.</li>"
                                    "<li>Bila akun dipegang beberapa orang, catat siapa saja yang "
                                    "tahu kata sandinya, dan ganti kata sandi bila ada yang "
                                    "berhenti bekerja.</li>"
                                    "</ul>"
                                ),
                            ),
                            (
                                "tip",
                                {
                                    "title": "Balasan cepat di WhatsApp Business",
                                    "text": (
                                        "<p>Di WhatsApp Business, buka menu alat bisnis lalu "
                                        "balasan cepat. Buat pintasan seperti /harga atau "
                                        "/ongkir. Saat membalas, ketik garis miring dan pilih "
                                        "balasannya. Hemat waktu, dan jawaban Anda selalu "
                                        "sama.</p>"
                                    ),
                                },
                            ),
                            (
                                "checklist",
                                {
                                    "title": "Rutinitas harian (15-30 menit)",
                                    "items": [
                                        "Cek dan balas semua pesan serta komentar",
                                        "Unggah satu atau dua story",
                                        "Beri label pada pesanan di WhatsApp Business",
                                        "Catat pertanyaan baru yang sering muncul",
                                    ],
                                },
                            ),
                        ],
                    },
                ],
            },
            {
                "title": "Membuat konten promosi",
                "summary": (
                    "Memotret produk dengan ponsel, membuat video pendek, serta menulis caption "
                    "dan tagar yang mendorong orang membeli."
                ),
                "lessons": [
                    {
                        "title": "Foto produk dengan ponsel",
                        "slug": "foto-produk-ponsel",
                        "minutes": 25,
                        "body": [
                            (
                                "text",
                                (
                                    "<p>Pembeli online tidak bisa mencium aroma gudeg atau meraba "
                                    "kain batik. Foto yang baik membuat mereka yakin. Ponsel "
                                    "biasa sudah cukup, asalkan Anda memperhatikan cahaya, latar, "
                                    "dan sudut.</p>"
                                    "<h3>Cahaya</h3>"
                                    "<ul>"
                                    "<li>Potret produk di dekat jendela pada pagi atau sore hari. "
                                    "Cahaya alami membuat warna terlihat asli.</li>"
                                    "<li>Hindari lampu kilat (flash): bayangannya keras dan "
                                    "warnanya pucat.</li>"
                                    "<li>Bila sinar terlalu keras, tutup jendela dengan kain "
                                    "putih tipis atau kertas roti.</li>"
                                    "</ul>"
                                    "<h3>Latar dan properti</h3>"
                                    "<ul>"
                                    "<li>Pakai latar polos: meja kayu, kain putih, atau kertas "
                                    "karton.</li>"
                                    "<li>Tambahkan satu atau dua properti yang bercerita, "
                                    "misalnya daun pisang untuk gudeg atau biji kopi di samping "
                                    "bungkus kopi Gunungkidul.</li>"
                                    "<li>Singkirkan kabel, plastik, dan barang lain yang tidak "
                                    "perlu.</li>"
                                    "</ul>"
                                    "<h3>Sudut</h3>"
                                    "<ul>"
                                    "<li><b>Dari atas</b> untuk makanan di piring atau besek.</li>"
                                    "<li><b>Miring sekitar 45 derajat</b> untuk minuman dan "
                                    "tumpukan bakpia.</li>"
                                    "<li><b>Dari dekat</b> untuk ukiran perak atau isen-isen "
                                    "batik.</li>"
                                    "<li>Aktifkan garis bantu (grid) di kamera. Jangan memakai "
                                    "zoom digital; lebih baik ponsel didekatkan.</li>"
                                    "</ul>"
                                ),
                            ),
                            (
                                "tip",
                                {
                                    "title": "Lap dulu lensanya",
                                    "text": (
                                        "<p>Lensa ponsel sering kena sidik jari sehingga foto "
                                        "tampak berkabut. Lap dengan kain lembut sebelum "
                                        "memotret. Kebiasaan kecil ini langsung memperbaiki hasil "
                                        "foto.</p>"
                                    ),
                                },
                            ),
                            (
                                "video",
                                {
                                    "title": "Foto produk bagus pakai HP",
                                    "url": "https://www.youtube.com/watch?v=fH2sK8vJq5M",
                                    "thumbnail": "video-foto-produk.jpg",
                                    "duration_seconds": 210,
                                    "transcript": (
                                        "<p>Halo! Kali ini kita praktik memotret produk hanya "
                                        "dengan ponsel. Contohnya bakpia dan cincin perak.</p>"
                                        "<p>Langkah pertama, cari cahaya. Saya letakkan meja "
                                        "kecil di samping jendela. Matahari tidak langsung "
                                        "mengenai produk, jadi cahayanya lembut. Lampu ruangan "
                                        "saya matikan supaya warnanya tidak bercampur.</p>"
                                        "<p>Langkah kedua, latar. Saya pakai selembar karton "
                                        "putih yang ditekuk, sehingga alas dan bagian belakang "
                                        "sama-sama polos. Untuk bakpia, saya tambahkan daun "
                                        "pisang dan satu bakpia yang dibelah supaya isinya "
                                        "kelihatan.</p>"
                                        "<p>Langkah ketiga, sudut. Saya ambil tiga foto: dari "
                                        "atas, dari samping agak miring, dan dari dekat. Untuk "
                                        "cincin perak, foto dari dekat paling penting karena "
                                        "pembeli ingin melihat detail ukirannya. Ketuk layar di "
                                        "bagian produk supaya fokusnya tepat. Kalau terlalu "
                                        "terang, geser ikon matahari di layar ke bawah.</p>"
                                        "<p>Langkah keempat, sunting seperlunya. Potong supaya "
                                        "rapi dan naikkan sedikit kecerahan. Jangan memakai "
                                        "filter yang mengubah warna produk. Kalau warna batik di "
                                        "foto berbeda dengan aslinya, pembeli bisa kecewa.</p>"
                                        "<p>Ada beberapa kesalahan yang sering saya temui. Foto "
                                        "terlalu gelap karena diambil malam hari di bawah lampu. "
                                        "Latar berantakan, misalnya masih ada gelas dan kunci "
                                        "motor di meja. Produk terpotong di tepi foto. Atau foto "
                                        "buram karena tangan goyang. Untuk yang terakhir, "
                                        "sandarkan siku di meja, atau letakkan ponsel di atas "
                                        "tumpukan buku.</p>"
                                        "<p>Terakhir, buat satu foto dengan pembanding ukuran, "
                                        "misalnya liontin di telapak tangan. Dengan begitu "
                                        "pembeli tahu seberapa besar produk Anda. Selamat "
                                        "mencoba!</p>"
                                    ),
                                },
                            ),
                            (
                                "checklist",
                                {
                                    "title": "Latihan foto",
                                    "items": [
                                        "Foto tiga produk andalan, masing-masing dari tiga sudut",
                                        "Satu foto memperlihatkan ukuran produk dengan pembanding",
                                        "Warna di foto sama dengan aslinya",
                                        "Foto terbaik dipilih untuk unggahan minggu ini",
                                    ],
                                },
                            ),
                        ],
                    },
                    {
                        "title": "Video pendek yang membuat orang berhenti menggulir",
                        "slug": "video-pendek",
                        "minutes": 20,
                        "body": [
                            (
                                "text",
                                (
                                    "<p>Video pendek di TikTok, Reels Instagram, dan status "
                                    "WhatsApp bisa memperlihatkan hal yang tidak tampak di foto: "
                                    "proses, suara, dan orang di balik usaha. Video tidak harus "
                                    "mahal. Yang penting jelas, singkat, dan jujur.</p>"
                                    "<h3>Rumus sederhana: pembuka, isi, ajakan</h3>"
                                    "<ol>"
                                    "<li><b>Pembuka:</b> di detik-detik pertama, tunjukkan yang "
                                    "paling menarik. Misalnya bakpia hangat dibelah, atau perak "
                                    "yang baru dipoles berkilau.</li>"
                                    "<li><b>Isi:</b> proses singkat atau keunggulan produk. Satu "
                                    "video, satu pesan.</li>"
                                    "<li><b>Ajakan:</b> tutup dengan kalimat jelas, misalnya "
                                    '"Pesan lewat WhatsApp di profil kami".</li>'
                                    "</ol>"
                                    "<h3>Tips teknis</h3>"
                                    "<ul>"
                                    "<li>Rekam tegak (vertikal), karena kebanyakan orang menonton "
                                    "dengan ponsel tegak.</li>"
                                    "<li>Sandarkan ponsel pada tumpukan buku atau tripod supaya "
                                    "gambar tidak goyang.</li>"
                                    "<li>Rekam di tempat yang terang dan tidak bising.</li>"
                                    "<li>Tambahkan teks di layar, karena banyak orang menonton "
                                    "tanpa suara.</li>"
                                    "<li>Untuk promosi, 15 sampai 60 detik biasanya sudah "
                                    "cukup.</li>"
                                    "<li>Potong bagian yang membosankan. Fitur sunting di dalam "
                                    "TikTok dan Instagram sudah cukup untuk memotong, menambah "
                                    "teks, dan memberi musik.</li>"
                                    "</ul>"
                                    "<h3>Ide video</h3>"
                                    "<ul>"
                                    '<li>"Dari biji ke cangkir": kopi Gunungkidul disangrai, '
                                    "digiling, lalu diseduh.</li>"
                                    "<li>Kain putih yang menjadi batik, tahap demi tahap.</li>"
                                    "<li>Mengemas pesanan luar kota dengan rapi, supaya pembeli "
                                    "yakin barang aman.</li>"
                                    "<li>Pemilik usaha bercerita singkat: sejak kapan usaha "
                                    "berdiri dan apa yang membuat produknya berbeda.</li>"
                                    "</ul>"
                                ),
                            ),
                            (
                                "tip",
                                {
                                    "title": "Musik dari dalam aplikasi",
                                    "text": (
                                        "<p>Pakai musik yang disediakan di dalam aplikasi. Lagu "
                                        "dari sumber lain bisa membuat video Anda dibisukan atau "
                                        "diturunkan karena hak cipta.</p>"
                                    ),
                                },
                            ),
                            (
                                "checklist",
                                {
                                    "title": "Video pertama Anda",
                                    "items": [
                                        "Pembuka, isi, dan ajakan ditulis dalam tiga kalimat",
                                        "Direkam tegak dengan ponsel yang disandarkan",
                                        "Ada teks di layar",
                                        (
                                            "Ditonton ulang sebelum diunggah: jelas dan tidak "
                                            "bertele-tele?"
                                        ),
                                    ],
                                },
                            ),
                        ],
                    },
                    {
                        "title": "Caption dan tagar",
                        "slug": "caption-dan-tagar",
                        "minutes": 15,
                        "body": [
                            (
                                "text",
                                (
                                    "<p>Foto dan video menarik perhatian, caption membantu orang "
                                    "memutuskan. Caption yang baik menjawab pertanyaan pembeli "
                                    "sebelum mereka bertanya.</p>"
                                    "<h3>Susunan caption</h3>"
                                    "<ol>"
                                    "<li><b>Kalimat pertama yang memikat.</b> Sering kali hanya "
                                    "baris awal yang terlihat sebelum orang mengetuk "
                                    '"selengkapnya".</li>'
                                    "<li><b>Informasi penting:</b> nama produk, isi atau ukuran, "
                                    "harga, daya tahan, pilihan rasa atau warna.</li>"
                                    "<li><b>Ajakan:</b> cara pesan, dan batas waktu bila ada "
                                    "promo.</li>"
                                    "</ol>"
                                    "<h3>Contoh</h3>"
                                    "<p><i>Bakpia baru keluar oven, masih hangat! Isi kacang "
                                    "hijau dan keju, satu kotak isi 20, Rp 40.000. Pesan hari "
                                    "ini, kami kirim besok pagi. Klik WhatsApp di profil, "
                                    "ya.</i></p>"
                                    "<p><i>Motif parang ini dicanting tangan selama dua minggu. "
                                    "Kain batik tulis 2 meter, Rp 650.000. Hanya ada 3 lembar. "
                                    "Tanya detail lewat WhatsApp, ya.</i></p>"
                                    "<p>Di TikTok dan status WhatsApp, buat caption lebih pendek. "
                                    "Biarkan videonya yang bercerita.</p>"
                                    "<h3>Tagar</h3>"
                                    "<p>Tagar membantu orang yang mencari topik tertentu "
                                    "menemukan unggahan Anda. Pilih beberapa tagar yang relevan, "
                                    "misalnya tiga sampai lima, dan campurkan:</p>"
                                    "<ul>"
                                    "<li>Tagar lokasi: #jogja #oleholehjogja #kulinerjogja</li>"
                                    "<li>Tagar produk: #bakpia #gudegkaleng #perakkotagede "
                                    "#batiktulis</li>"
                                    "<li>Tagar khusus usaha Anda: #bakpiabusri</li>"
                                    "</ul>"
                                    "<p>Tagar yang tidak berhubungan dengan produk justru membuat "
                                    "unggahan terlihat seperti spam. Sesekali, coba ketik tagar "
                                    "di kolom pencarian untuk melihat unggahan apa saja yang "
                                    "muncul di sana dan apakah pembeli Anda ada di situ.</p>"
                                ),
                            ),
                            (
                                "tip",
                                {
                                    "title": "Tulis seperti berbicara",
                                    "text": (
                                        "<p>Tulis seperti Anda menyapa pembeli di toko. Boleh "
                                        'menyelipkan bahasa Jawa ringan seperti "monggo dipesan" '
                                        "bila pembeli Anda banyak orang Jogja. Hindari huruf "
                                        "kapital semua karena terkesan berteriak.</p>"
                                    ),
                                },
                            ),
                            (
                                "checklist",
                                {
                                    "title": "Periksa caption sebelum unggah",
                                    "items": [
                                        "Kalimat pertama menarik",
                                        "Harga dan ukuran atau isi tertulis",
                                        "Cara pesan jelas",
                                        "Tiga sampai lima tagar yang relevan",
                                        "Nomor WhatsApp tidak salah ketik",
                                    ],
                                },
                            ),
                        ],
                    },
                ],
            },
            {
                "title": "Promosi berbayar dan memantau hasil",
                "summary": (
                    "Memasang iklan dengan anggaran terukur per platform, lalu membandingkan "
                    "jangkauan dan penjualan sebelum dan sesudah promosi."
                ),
                "lessons": [
                    {
                        "title": "Cara kerja iklan di Instagram dan TikTok",
                        "slug": "cara-kerja-iklan",
                        "minutes": 20,
                        "body": [
                            (
                                "text",
                                (
                                    "<p>Iklan berbayar membuat unggahan Anda tampil di layar "
                                    "orang yang belum mengikuti akun Anda. Anda yang menentukan "
                                    "tujuan, siapa yang dituju, berapa biayanya, dan berapa "
                                    "lama.</p>"
                                    "<h3>Sebelum beriklan</h3>"
                                    "<ul>"
                                    "<li>Iklankan unggahan yang sudah terbukti disukai, misalnya "
                                    "yang paling banyak disukai atau ditanyakan.</li>"
                                    "<li>Pastikan profil lengkap dan pesan WhatsApp siap dibalas. "
                                    "Percuma iklan ramai kalau pesan tidak dijawab.</li>"
                                    "<li>Pastikan stok cukup untuk pesanan tambahan.</li>"
                                    "</ul>"
                                    "<h3>Langkah umum memasang promosi</h3>"
                                    "<ol>"
                                    "<li>Pilih unggahan atau video, lalu ketuk tombol "
                                    "<b>Promosikan</b>.</li>"
                                    "<li>Pilih <b>tujuan</b>: lebih banyak kunjungan profil, "
                                    "lebih banyak pesan, atau lebih banyak penonton.</li>"
                                    "<li>Pilih <b>pemirsa</b>: biarkan otomatis, atau atur "
                                    "sendiri lokasi, usia, dan minat.</li>"
                                    "<li>Tentukan <b>anggaran per hari</b> dan <b>durasi</b>. "
                                    "Aplikasi menampilkan batas minimum dan perkiraan "
                                    "jangkauan.</li>"
                                    "<li>Pilih cara bayar dan kirim. Iklan ditinjau dulu sebelum "
                                    "tayang.</li>"
                                    "</ol>"
                                    "<h3>Memilih lokasi yang masuk akal</h3>"
                                    "<p>Produk yang tidak tahan lama, seperti gudeg basah, "
                                    "sebaiknya ditujukan ke orang di sekitar Yogyakarta. Produk "
                                    "yang mudah dikirim, seperti kaos batik, perak, atau kopi "
                                    "bubuk, bisa ditujukan lebih luas, termasuk ke kota lain.</p>"
                                    "<h3>Aturan iklan</h3>"
                                    "<p>Iklan bisa ditolak bila isinya menyesatkan. Hindari janji "
                                    "berlebihan, misalnya menyebut makanan atau jamu bisa "
                                    "menyembuhkan penyakit, dan jangan memakai foto milik orang "
                                    "lain.</p>"
                                ),
                            ),
                            (
                                "tip",
                                {
                                    "title": "Mulai kecil",
                                    "text": (
                                        "<p>Mulailah dengan anggaran kecil selama beberapa hari "
                                        "untuk belajar. Naikkan anggaran hanya untuk iklan yang "
                                        "terbukti mendatangkan pesan atau pesanan.</p>"
                                    ),
                                },
                            ),
                            (
                                "checklist",
                                {
                                    "title": "Siap beriklan",
                                    "items": [
                                        "Unggahan yang akan diiklankan sudah dipilih",
                                        "Profil lengkap dan tautan WhatsApp berfungsi",
                                        "Stok cukup untuk pesanan tambahan",
                                        "Tujuan iklan dan lokasi pemirsa sudah ditentukan",
                                        "Pemilik akun iklan sudah dewasa dan punya cara bayar",
                                    ],
                                },
                            ),
                        ],
                    },
                    {
                        "title": "Menyusun anggaran iklan per platform",
                        "slug": "anggaran-iklan",
                        "minutes": 20,
                        "body": [
                            (
                                "text",
                                (
                                    "<p>Tentukan anggaran iklan di awal bulan, sama seperti Anda "
                                    "menganggarkan bahan baku. Dengan begitu promosi tidak "
                                    "menggerus modal usaha.</p>"
                                    "<h3>Tiga langkah</h3>"
                                    "<ol>"
                                    "<li><b>Tetapkan batas total per bulan</b> dari uang yang "
                                    "benar-benar bisa disisihkan, bukan dari uang belanja "
                                    "bahan.</li>"
                                    "<li><b>Bagi per platform</b> sesuai tempat pembeli Anda "
                                    "berada. Bila belum tahu, bagi rata dulu.</li>"
                                    "<li><b>Pakai sebagian untuk uji coba</b>, lalu alihkan "
                                    "sisanya ke iklan yang hasilnya paling baik.</li>"
                                    "</ol>"
                                    "<h3>Contoh: kopi bubuk Gunungkidul</h3>"
                                    "<p>Pak Joko menyisihkan Rp 300.000 untuk promosi bulan "
                                    "ini.</p>"
                                    "<ul>"
                                    "<li>Minggu pertama: uji coba Rp 50.000 di Instagram dan Rp "
                                    "50.000 di TikTok.</li>"
                                    "<li>Hasilnya: Instagram mendatangkan 12 pesan WhatsApp, "
                                    "TikTok 4 pesan. Biaya per pesan di Instagram Rp 50.000 : 12 "
                                    "= sekitar Rp 4.200, di TikTok Rp 50.000 : 4 = Rp 12.500.</li>"
                                    "<li>Minggu kedua sampai keempat: sisa Rp 200.000 dibagi Rp "
                                    "150.000 untuk Instagram dan Rp 50.000 untuk mencoba video "
                                    "baru di TikTok.</li>"
                                    "</ul>"
                                    "<p>Angka di atas hanya contoh. Hasil tiap usaha berbeda, "
                                    "karena itu catat hasil iklan Anda sendiri.</p>"
                                ),
                            ),
                            (
                                "video",
                                {
                                    "title": "Atur anggaran iklan supaya tidak boros",
                                    "url": "https://www.youtube.com/watch?v=Xr4gB6tNw1P",
                                    "thumbnail": "video-anggaran-iklan.jpg",
                                    "duration_seconds": 150,
                                    "transcript": (
                                        "<p>Di video ini kita belajar mengatur anggaran iklan "
                                        "supaya tidak boros.</p>"
                                        "<p>Pertama, tentukan berapa uang yang siap Anda "
                                        "keluarkan untuk promosi bulan ini. Ambil dari laba, "
                                        "bukan dari uang belanja bahan. Misalnya Rp 300.000.</p>"
                                        "<p>Kedua, jangan habiskan semuanya sekaligus. Pakai "
                                        "sepertiganya untuk uji coba. Pasang dua iklan kecil, "
                                        "satu di Instagram dan satu di TikTok, atau dua unggahan "
                                        "berbeda di platform yang sama.</p>"
                                        "<p>Ketiga, setiap hari catat tiga angka: uang yang sudah "
                                        "terpakai, jumlah orang yang dijangkau, dan jumlah pesan "
                                        "atau pesanan yang masuk. Tanyakan juga kepada pembeli, "
                                        '"Tahu toko kami dari mana?"</p>'
                                        "<p>Keempat, setelah beberapa hari, bandingkan. Bagi "
                                        "biaya iklan dengan jumlah pesan yang masuk. Itulah biaya "
                                        "per pesan. Iklan dengan biaya per pesan paling kecil "
                                        "adalah yang paling hemat.</p>"
                                        "<p>Contohnya begini. Iklan A menghabiskan Rp 50.000 dan "
                                        "mendatangkan 10 pesan, jadi biaya per pesannya Rp 5.000. "
                                        "Iklan B juga Rp 50.000 tetapi hanya 2 pesan, jadi Rp "
                                        "25.000 per pesan. Iklan A jauh lebih hemat.</p>"
                                        "<p>Kelima, pakai sisa anggaran untuk iklan yang menang. "
                                        "Iklan yang sepi, hentikan, atau ganti gambar dan "
                                        "captionnya.</p>"
                                        "<p>Ingat, jangkauan besar belum tentu berarti penjualan. "
                                        "Yang kita cari adalah pesan dan pesanan. Selamat "
                                        "mencoba, dan jangan lupa catat hasilnya.</p>"
                                    ),
                                },
                            ),
                            (
                                "checklist",
                                {
                                    "title": "Rencana anggaran bulan ini",
                                    "items": [
                                        "Batas total promosi sudah ditetapkan",
                                        "Pembagian per platform sudah ditulis",
                                        "Sepertiga anggaran disiapkan untuk uji coba",
                                        (
                                            "Tabel catatan harian siap: biaya, jangkauan, pesan, "
                                            "pesanan"
                                        ),
                                    ],
                                },
                            ),
                        ],
                    },
                    {
                        "title": "Memantau penjualan dan jangkauan: sebelum dan sesudah",
                        "slug": "memantau-hasil",
                        "minutes": 25,
                        "body": [
                            (
                                "text",
                                (
                                    "<p>Berhasil atau tidaknya promosi hanya bisa dijawab dengan "
                                    "angka. Caranya: catat keadaan sebelum promosi, lalu "
                                    "bandingkan dengan keadaan selama dan sesudah promosi.</p>"
                                    "<h3>Angka yang dicatat</h3>"
                                    "<ul>"
                                    "<li><b>Jangkauan:</b> berapa akun yang melihat unggahan. "
                                    "Lihat di dasbor profesional Instagram atau analitik "
                                    "TikTok.</li>"
                                    "<li><b>Kunjungan profil dan klik tautan:</b> tanda orang "
                                    "mulai tertarik.</li>"
                                    "<li><b>Pesan masuk:</b> chat WhatsApp dan pesan "
                                    "langsung.</li>"
                                    "<li><b>Jumlah pesanan dan omzet:</b> dari buku penjualan "
                                    "Anda.</li>"
                                    "<li><b>Biaya iklan</b> yang sudah keluar.</li>"
                                    "</ul>"
                                    "<h3>Contoh perbandingan</h3>"
                                    "<p>Bu Ani, perajin perak Kotagede, mencatat dua minggu "
                                    "sebelum iklan dan dua minggu selama iklan.</p>"
                                    "<ul>"
                                    "<li>Sebelum: 9 pesanan, omzet Rp 2.250.000.</li>"
                                    "<li>Selama iklan (biaya Rp 250.000): 15 pesanan, omzet Rp "
                                    "3.750.000.</li>"
                                    "<li>Tambahan omzet: Rp 1.500.000.</li>"
                                    "<li>Laba kotor usahanya sekitar 30% dari harga jual, jadi "
                                    "tambahan laba kotornya sekitar Rp 450.000.</li>"
                                    "<li>Dikurangi biaya iklan: Rp 450.000 - Rp 250.000 = Rp "
                                    "200.000. Iklan ini menguntungkan.</li>"
                                    "</ul>"
                                    "<p>Kalau tambahan laba lebih kecil dari biaya iklan, iklan "
                                    "itu rugi meskipun omzet naik. Coba ganti konten, pemirsa, "
                                    "atau platform.</p>"
                                    "<h3>Hati-hati membaca angka</h3>"
                                    "<ul>"
                                    "<li>Bandingkan masa yang setara. Jangan membandingkan minggu "
                                    "biasa dengan libur sekolah atau Lebaran.</li>"
                                    "<li>Pesanan dari pelanggan lama belum tentu karena iklan. "
                                    'Tanyakan "tahu dari mana?".</li>'
                                    "</ul>"
                                ),
                            ),
                            (
                                "tip",
                                {
                                    "title": "Hitung dengan laba, bukan omzet",
                                    "text": (
                                        "<p>Omzet naik belum tentu untung. Selalu kurangi biaya "
                                        "bahan dan biaya iklan dulu. Cara menghitung laba dibahas "
                                        "lebih lengkap di kelas Pembiayaan untuk UMKM.</p>"
                                    ),
                                },
                            ),
                            (
                                "checklist",
                                {
                                    "title": "Tabel sebelum dan sesudah",
                                    "items": [
                                        "Angka dua minggu sebelum promosi sudah dicatat",
                                        "Angka yang sama dicatat selama promosi",
                                        "Tambahan omzet dan tambahan laba sudah dihitung",
                                        "Biaya iklan sudah dikurangkan: untung atau rugi?",
                                        "Keputusan: lanjut, ganti konten, atau berhenti",
                                    ],
                                },
                            ),
                        ],
                    },
                ],
            },
        ],
    },
    {
        "slug": "pembiayaan-umkm",
        "title": "Pembiayaan untuk UMKM",
        "summary": (
            "Mengenal jenis-jenis pembiayaan usaha, membedakan lembaga resmi yang diawasi OJK "
            "dari pinjol ilegal, mengikuti langkah pengajuan kredit bank, dan membuat catatan "
            "keuangan sederhana yang diminta bank."
        ),
        "objectives": [
            "Menjelaskan apa itu pembiayaan dan memilih jenis yang sesuai kebutuhan usaha",
            "Membedakan bunga flat dan bunga efektif serta menghitung cicilan",
            "Memeriksa legalitas pemberi pinjaman dan mengenali ciri pinjol ilegal",
            "Menyiapkan dokumen dan mengikuti tahap pengajuan kredit bank",
            "Mencatat transaksi harian dan menyusun laporan laba rugi sederhana",
        ],
        "hours_per_week": 3,
        "pacing": "weekly",
        "mentor_name": "Bambang Setiawan",
        "mentor_phone": "+6281200002002",
        "cover": "cover-pembiayaan-umkm.jpg",
        "weeks": [
            {
                "title": "Apa itu pembiayaan dan jenis-jenisnya",
                "summary": (
                    "Memahami kapan usaha perlu pinjaman, pilihan sumber dana, dan cara membaca "
                    "biaya pinjaman."
                ),
                "lessons": [
                    {
                        "title": "Apa itu pembiayaan",
                        "slug": "apa-itu-pembiayaan",
                        "minutes": 15,
                        "body": [
                            (
                                "text",
                                (
                                    "<p>Pembiayaan adalah dana dari pihak lain yang Anda pakai "
                                    "untuk usaha, dengan kewajiban mengembalikannya sesuai "
                                    "kesepakatan. Di bank konvensional disebut kredit, dan Anda "
                                    "membayar bunga. Di lembaga syariah disebut pembiayaan, dan "
                                    "imbalannya berupa margin atau bagi hasil.</p>"
                                    "<h3>Dua kebutuhan utama</h3>"
                                    "<ul>"
                                    "<li><b>Modal kerja:</b> untuk memutar usaha sehari-hari, "
                                    "misalnya membeli nangka muda dan telur untuk gudeg, kain dan "
                                    "malam untuk batik, atau stok biji kopi menjelang musim "
                                    "liburan.</li>"
                                    "<li><b>Investasi:</b> untuk membeli barang yang dipakai "
                                    "bertahun-tahun, misalnya oven bakpia, mesin sangrai kopi, "
                                    "atau etalase toko.</li>"
                                    "</ul>"
                                    "<h3>Pinjaman yang sehat</h3>"
                                    "<p>Pinjaman sehat bila dipakai untuk kegiatan yang "
                                    "menghasilkan uang, dan hasil tambahannya cukup untuk "
                                    "membayar cicilan. Contoh: perajin perak menerima pesanan 200 "
                                    "liontin dari toko oleh-oleh, tetapi tidak punya uang untuk "
                                    "membeli bahan. Pinjaman modal kerja membantu, dan cicilannya "
                                    "dibayar dari hasil pesanan itu.</p>"
                                    "<p>Pinjaman berbahaya bila dipakai untuk kebutuhan konsumtif "
                                    "atau untuk menutup utang lain. Utang bisa menumpuk dan usaha "
                                    "ikut terancam.</p>"
                                ),
                            ),
                            (
                                "tip",
                                {
                                    "title": "Tiga pertanyaan sebelum meminjam",
                                    "text": (
                                        "<p>Uang ini untuk apa? Berapa tambahan pendapatan yang "
                                        "dihasilkan? Dari mana cicilan dibayar setiap bulan? Bila "
                                        "belum bisa menjawab ketiganya, tunda dulu.</p>"
                                    ),
                                },
                            ),
                            (
                                "video",
                                {
                                    "title": "Kapan usaha perlu pinjaman?",
                                    "url": "https://www.youtube.com/watch?v=kC8zV1mLp3Q",
                                    "thumbnail": "video-kapan-perlu-pinjaman.jpg",
                                    "duration_seconds": 135,
                                    "transcript": (
                                        "<p>Banyak pelaku usaha bertanya: kapan sebaiknya saya "
                                        "meminjam? Jawabannya: saat pinjaman itu membuat usaha "
                                        "menghasilkan lebih banyak uang daripada biayanya.</p>"
                                        "<p>Contohnya Pak Darmo, penjual gudeg. Pesanan nasi "
                                        "kotak untuk acara kantor sering datang, tetapi panci dan "
                                        "kompornya terbatas, jadi ia sering menolak pesanan. "
                                        "Kalau ia meminjam untuk membeli peralatan masak "
                                        "tambahan, dan pesanan tambahan menghasilkan laba lebih "
                                        "besar dari cicilan, pinjaman itu masuk akal.</p>"
                                        "<p>Bandingkan dengan meminjam untuk membeli ponsel baru "
                                        "yang tidak dipakai untuk usaha, atau meminjam di satu "
                                        "tempat untuk membayar utang di tempat lain. Itu bukan "
                                        "pembiayaan usaha, dan risikonya besar.</p>"
                                        "<p>Sebelum meminjam, lakukan tiga hal. Satu, tulis untuk "
                                        "apa uangnya dipakai, sampai ke rinciannya. Dua, hitung "
                                        "tambahan laba per bulan dari rencana itu. Tiga, "
                                        "bandingkan dengan cicilan. Usahakan cicilan jauh lebih "
                                        "kecil dari tambahan laba, supaya masih ada ruang bila "
                                        "penjualan sedang turun.</p>"
                                        "<p>Pinjamlah secukupnya. Kalau kebutuhan Pak Darmo untuk "
                                        "panci besar, kompor, dan tabung gas tambahan sekitar Rp "
                                        "6.000.000, jangan tergoda meminjam Rp 20.000.000 dengan "
                                        'alasan "sekalian". Sisa uang yang tidak punya rencana '
                                        "biasanya habis untuk hal lain, sementara cicilannya "
                                        "tetap harus dibayar.</p>"
                                        "<p>Terakhir, pinjamlah hanya dari lembaga resmi. Cara "
                                        "memeriksanya kita pelajari di minggu kedua.</p>"
                                    ),
                                },
                            ),
                            (
                                "checklist",
                                {
                                    "title": "Sebelum memutuskan meminjam",
                                    "items": [
                                        "Tujuan pinjaman sudah ditulis rinci",
                                        "Perkiraan tambahan laba per bulan sudah dihitung",
                                        "Cicilan lebih kecil dari tambahan laba",
                                        "Pinjaman tidak untuk menutup utang lain",
                                    ],
                                },
                            ),
                        ],
                    },
                    {
                        "title": "Jenis-jenis pembiayaan untuk UMKM",
                        "slug": "jenis-pembiayaan",
                        "minutes": 20,
                        "body": [
                            (
                                "text",
                                (
                                    "<p>Sumber dana usaha tidak hanya bank. Kenali pilihannya "
                                    "supaya Anda bisa memilih yang paling sesuai dan paling "
                                    "murah.</p>"
                                    "<h3>Tanpa cicilan</h3>"
                                    "<ul>"
                                    "<li><b>Modal sendiri:</b> tabungan atau laba yang "
                                    "disisihkan. Tidak ada cicilan, tetapi jumlahnya "
                                    "terbatas.</li>"
                                    "<li><b>Bantuan atau hibah:</b> misalnya dari program "
                                    "pemerintah atau perusahaan. Tidak perlu dikembalikan, tetapi "
                                    "jumlahnya terbatas dan ada seleksinya.</li>"
                                    "</ul>"
                                    "<h3>Dari lembaga keuangan</h3>"
                                    "<ul>"
                                    "<li><b>Kredit Usaha Rakyat (KUR):</b> program kredit "
                                    "pemerintah yang bunganya disubsidi, disalurkan lewat bank "
                                    "dan lembaga penyalur yang ditunjuk. Untuk KUR Mikro, "
                                    "bunganya sekitar 6% per tahun efektif bagi peminjam yang "
                                    "baru pertama kali. Ketentuannya bisa berubah, jadi cek "
                                    "besaran terbaru di bank penyalur.</li>"
                                    "<li><b>Kredit modal kerja dan kredit investasi</b> dari bank "
                                    "umum atau BPR (Bank Perekonomian Rakyat). Bunganya mengikuti "
                                    "ketentuan bank masing-masing.</li>"
                                    "<li><b>Pembiayaan syariah</b> dari bank syariah atau BPR "
                                    "Syariah, misalnya dengan akad murabahah (jual beli dengan "
                                    "margin) atau musyarakah (kerja sama modal dengan bagi "
                                    "hasil).</li>"
                                    "<li><b>Gadai:</b> meminjam dengan jaminan barang, misalnya "
                                    "perhiasan. Cepat, tetapi jumlahnya mengikuti nilai "
                                    "barang.</li>"
                                    "<li><b>Koperasi simpan pinjam:</b> untuk anggota "
                                    "koperasi.</li>"
                                    "<li><b>Pinjaman daring (pindar) berizin OJK:</b> lewat "
                                    "aplikasi. Prosesnya cepat, tetapi biayanya sering lebih "
                                    "tinggi daripada bank.</li>"
                                    "<li><b>Leasing:</b> untuk membeli kendaraan atau mesin "
                                    "secara dicicil.</li>"
                                    "</ul>"
                                ),
                            ),
                            (
                                "tip",
                                {
                                    "title": "KUR untuk usaha yang sudah berjalan",
                                    "text": (
                                        "<p>KUR ditujukan untuk usaha produktif yang sudah "
                                        "berjalan, biasanya minimal enam bulan, dan layak "
                                        "dibiayai. Bank biasanya meminta identitas usaha seperti "
                                        "NIB atau surat keterangan usaha. Tanyakan syarat lengkap "
                                        "di bank penyalur terdekat, karena ketentuannya bisa "
                                        "diperbarui.</p>"
                                    ),
                                },
                            ),
                            (
                                "checklist",
                                {
                                    "title": "Petakan pilihan Anda",
                                    "items": [
                                        "Hitung berapa yang bisa dibiayai dari modal sendiri",
                                        "Cari tahu bank penyalur KUR terdekat",
                                        (
                                            "Tanyakan program bantuan ke dinas koperasi dan UKM "
                                            "setempat"
                                        ),
                                        "Catat dua atau tiga pilihan untuk dibandingkan",
                                    ],
                                },
                            ),
                        ],
                    },
                    {
                        "title": "Memahami bunga flat dan bunga efektif",
                        "slug": "bunga-flat-dan-efektif",
                        "minutes": 20,
                        "body": [
                            (
                                "text",
                                (
                                    "<p>Dua pinjaman dengan angka bunga yang sama bisa berbeda "
                                    "jauh biayanya. Penyebabnya adalah cara menghitung bunga: "
                                    "flat atau efektif.</p>"
                                    "<h3>Bunga flat</h3>"
                                    "<p>Bunga dihitung dari pokok pinjaman awal dan sama besar "
                                    "setiap bulan, walaupun utang Anda sudah berkurang.</p>"
                                    "<p>Contoh: pinjam Rp 10.000.000 selama 12 bulan, bunga flat "
                                    "6% per tahun.</p>"
                                    "<ul>"
                                    "<li>Bunga setahun: 6% x Rp 10.000.000 = Rp 600.000, atau Rp "
                                    "50.000 per bulan.</li>"
                                    "<li>Pokok per bulan: Rp 10.000.000 : 12 = Rp 833.333.</li>"
                                    "<li>Cicilan per bulan sekitar Rp 883.333. Total bunga Rp "
                                    "600.000.</li>"
                                    "</ul>"
                                    "<h3>Bunga efektif (anuitas)</h3>"
                                    "<p>Bunga dihitung dari sisa pokok yang belum dibayar. Karena "
                                    "utang makin kecil, bunganya juga makin kecil. Pada cara "
                                    "anuitas, cicilan dibuat sama setiap bulan: di awal porsi "
                                    "bunganya besar, lalu porsi pokoknya makin besar.</p>"
                                    "<p>Pinjaman yang sama dengan bunga efektif 6% per tahun:</p>"
                                    "<ul>"
                                    "<li>Bunga bulan pertama Rp 50.000 (0,5% dari Rp 10.000.000), "
                                    "lalu makin kecil setiap bulan.</li>"
                                    "<li>Cicilan per bulan sekitar Rp 860.664.</li>"
                                    "<li>Total bunga sekitar Rp 327.973, jauh lebih kecil dari Rp "
                                    "600.000.</li>"
                                    "</ul>"
                                    "<h3>Pelajarannya</h3>"
                                    "<ul>"
                                    "<li>Selalu tanyakan: bunganya flat atau efektif? Per bulan "
                                    "atau per tahun?</li>"
                                    '<li>Bunga "1% per bulan" sama dengan 12% per tahun. '
                                    "Kedengarannya kecil, tetapi hitung totalnya.</li>"
                                    "<li>Bandingkan <b>total yang harus dibayar</b>, termasuk "
                                    "biaya provisi, administrasi, dan asuransi bila ada.</li>"
                                    "</ul>"
                                ),
                            ),
                            (
                                "tip",
                                {
                                    "title": "Minta tabel angsuran",
                                    "text": (
                                        "<p>Sebelum menandatangani perjanjian, minta tabel "
                                        "angsuran. Tabel itu memperlihatkan cicilan, bunga, dan "
                                        "sisa pokok setiap bulan. Lembaga resmi wajib menjelaskan "
                                        "biaya pinjaman dengan jelas.</p>"
                                    ),
                                },
                            ),
                            (
                                "checklist",
                                {
                                    "title": "Pertanyaan untuk pemberi pinjaman",
                                    "items": [
                                        (
                                            "Berapa bunganya, flat atau efektif, per bulan atau "
                                            "per tahun?"
                                        ),
                                        "Berapa cicilan per bulan dan total yang harus dibayar?",
                                        (
                                            "Ada biaya provisi, administrasi, asuransi, atau "
                                            "denda keterlambatan?"
                                        ),
                                        "Bolehkah melunasi lebih cepat, dan adakah biayanya?",
                                    ],
                                },
                            ),
                        ],
                    },
                ],
            },
            {
                "title": "Lembaga resmi dan pinjol ilegal",
                "summary": (
                    "Membedakan pemberi pinjaman yang berizin dan diawasi OJK dari pinjol ilegal, "
                    "dan tahu harus berbuat apa bila terlanjur terjerat."
                ),
                "lessons": [
                    {
                        "title": "Lembaga keuangan resmi yang diawasi OJK",
                        "slug": "lembaga-resmi-ojk",
                        "minutes": 15,
                        "body": [
                            (
                                "text",
                                (
                                    "<p>Otoritas Jasa Keuangan (OJK) adalah lembaga negara yang "
                                    "mengatur dan mengawasi lembaga jasa keuangan di Indonesia. "
                                    "Lembaga berizin OJK wajib mengikuti aturan, antara lain soal "
                                    "keterbukaan biaya, cara menagih, dan perlindungan data "
                                    "nasabah. Bila ada masalah, Anda bisa mengadu.</p>"
                                    "<h3>Contoh lembaga yang diawasi OJK</h3>"
                                    "<ul>"
                                    "<li>Bank umum dan bank syariah.</li>"
                                    "<li>BPR dan BPR Syariah.</li>"
                                    "<li>Perusahaan pembiayaan (leasing) dan perusahaan "
                                    "pergadaian yang berizin.</li>"
                                    "<li>Penyelenggara pinjaman daring (pindar), yaitu pinjaman "
                                    "online yang berizin OJK.</li>"
                                    "</ul>"
                                    "<p>Koperasi simpan pinjam yang melayani anggotanya dibina "
                                    "dan diawasi oleh kementerian dan dinas yang membidangi "
                                    "koperasi. Pastikan koperasi berbadan hukum, punya kantor "
                                    "yang jelas, dan Anda terdaftar sebagai anggota.</p>"
                                    "<h3>Cara memeriksa legalitas</h3>"
                                    "<ol>"
                                    "<li>Buka situs resmi OJK, <b>ojk.go.id</b>, dan cari daftar "
                                    "penyelenggara yang berizin, misalnya daftar pinjaman daring "
                                    "berizin.</li>"
                                    "<li>Cocokkan <b>nama aplikasi dan nama perusahaannya</b>. "
                                    "Pinjol ilegal sering memakai nama yang mirip dengan yang "
                                    "resmi.</li>"
                                    "<li>Bila ragu, hubungi Kontak OJK di telepon <b>157</b> atau "
                                    "WhatsApp <b>081 157 157 157</b>.</li>"
                                    "</ol>"
                                    "<h3>Hak Anda sebagai nasabah</h3>"
                                    "<p>Anda berhak mendapat penjelasan biaya yang jelas sebelum "
                                    "menandatangani, salinan perjanjian, dan penagihan yang "
                                    "sopan. Bila ada masalah, adukan dulu ke layanan pengaduan "
                                    "lembaga itu. Bila tidak selesai, Anda bisa mengadu ke "
                                    "OJK.</p>"
                                ),
                            ),
                            (
                                "tip",
                                {
                                    "title": "Logo OJK bisa dipalsukan",
                                    "text": (
                                        '<p>Tulisan "terdaftar di OJK" atau logo OJK di iklan '
                                        "tidak membuktikan apa pun. Yang berlaku hanyalah daftar "
                                        "di situs resmi OJK atau jawaban dari Kontak OJK 157.</p>"
                                    ),
                                },
                            ),
                            (
                                "checklist",
                                {
                                    "title": "Cek legalitas",
                                    "items": [
                                        "Nama aplikasi ada di daftar resmi OJK",
                                        "Nama perusahaan cocok dengan yang ada di daftar",
                                        "Alamat kantor dan layanan pengaduan jelas",
                                        "Bila ragu, sudah bertanya ke Kontak OJK 157",
                                    ],
                                },
                            ),
                        ],
                    },
                    {
                        "title": "Ciri-ciri pinjol ilegal",
                        "slug": "ciri-pinjol-ilegal",
                        "minutes": 20,
                        "body": [
                            (
                                "text",
                                (
                                    "<p>Pinjaman online ilegal (pinjol ilegal) tidak punya izin "
                                    "OJK. Mereka menawarkan kemudahan, tetapi sering berakhir "
                                    "dengan biaya yang mencekik, penagihan kasar, dan penyebaran "
                                    "data pribadi.</p>"
                                    "<h3>Tanda bahaya</h3>"
                                    "<ul>"
                                    "<li><b>Meminta akses ke kontak, galeri foto, atau berkas di "
                                    "ponsel.</b> Pinjaman daring berizin hanya boleh mengakses "
                                    "kamera, mikrofon, dan lokasi, yang dikenal dengan singkatan "
                                    '"CAMILAN".</li>'
                                    "<li><b>Alamat dan identitas perusahaan tidak jelas.</b> "
                                    "Tidak ada alamat kantor, nama perusahaan berbeda dengan nama "
                                    "aplikasi, atau hanya bisa dihubungi lewat chat.</li>"
                                    "<li><b>Bunga dan biaya sangat tinggi atau tidak jelas.</b> "
                                    "Biaya baru ketahuan setelah uang cair, misalnya pinjam Rp "
                                    "1.000.000 tetapi yang diterima jauh lebih kecil karena "
                                    '"potongan admin".</li>'
                                    "<li><b>Tenor sangat pendek</b> dan denda berlipat bila "
                                    "terlambat.</li>"
                                    '<li><b>Menekan dan mendesak:</b> "promo hari ini saja", '
                                    "menelepon terus-menerus, atau menawarkan lewat SMS dan "
                                    "WhatsApp tanpa Anda minta.</li>"
                                    "<li><b>Terlalu mudah:</b> cair dalam hitungan menit tanpa "
                                    "pemeriksaan apa pun.</li>"
                                    '<li><b>Meminta transfer lebih dulu</b> untuk "biaya '
                                    'pencairan". Ini hampir pasti penipuan.</li>'
                                    "</ul>"
                                ),
                            ),
                            (
                                "video",
                                {
                                    "title": "Cek legalitas pinjaman dalam satu menit",
                                    "url": "https://www.youtube.com/watch?v=tY5hW9dRs2K",
                                    "thumbnail": "video-cek-legalitas.jpg",
                                    "duration_seconds": 135,
                                    "transcript": (
                                        '<p>Pernah menerima pesan seperti ini? "Butuh dana cepat? '
                                        'Cair 10 menit tanpa jaminan, klik tautan ini." '
                                        "Hati-hati. Mari kita cek dalam satu menit.</p>"
                                        "<p>Pertama, jangan klik tautannya. Catat nama aplikasi "
                                        "atau nama perusahaannya.</p>"
                                        "<p>Kedua, buka situs resmi OJK di ojk.go.id. Cari daftar "
                                        "penyelenggara pinjaman daring yang berizin. Cocokkan "
                                        "nama aplikasi dan nama perusahaannya. Kalau tidak ada di "
                                        "daftar, anggap ilegal.</p>"
                                        "<p>Ketiga, kalau tidak sempat membuka situs, tanyakan ke "
                                        "Kontak OJK. Telepon 157, atau kirim WhatsApp ke 081 157 "
                                        "157 157. Sebutkan nama aplikasinya.</p>"
                                        "<p>Keempat, perhatikan izin yang diminta aplikasi. Kalau "
                                        "aplikasi meminta akses ke kontak dan galeri foto, itu "
                                        "tanda bahaya. Pinjaman daring berizin hanya boleh "
                                        "meminta akses kamera, mikrofon, dan lokasi. Ingat "
                                        "singkatannya: CAMILAN.</p>"
                                        "<p>Terakhir, lembaga resmi tidak pernah meminta Anda "
                                        "mentransfer uang lebih dulu supaya pinjaman cair.</p>"
                                        "<p>Ingat juga, berizin belum tentu murah. Pinjaman "
                                        "daring yang resmi pun biayanya bisa lebih tinggi "
                                        "daripada kredit bank. Bandingkan dulu sebelum memilih. "
                                        "Dan kalau Anda menemukan aplikasi atau tawaran pinjol "
                                        "ilegal, laporkan ke Kontak OJK 157 supaya bisa "
                                        "ditindaklanjuti.</p>"
                                        "<p>Satu menit memeriksa bisa menyelamatkan usaha dan "
                                        "nama baik Anda. Bagikan cara ini kepada keluarga dan "
                                        "tetangga.</p>"
                                    ),
                                },
                            ),
                            (
                                "checklist",
                                {
                                    "title": "Sebelum memasang aplikasi pinjaman",
                                    "items": [
                                        "Aplikasi tidak dipasang dari tautan di SMS atau WhatsApp",
                                        "Nama aplikasi dan perusahaan ada di daftar OJK",
                                        "Aplikasi tidak meminta akses kontak dan galeri",
                                        "Bunga, biaya, dan tenor tertulis jelas sebelum setuju",
                                        (
                                            "Foto KTP dan swafoto tidak dikirim ke pihak yang "
                                            "belum jelas"
                                        ),
                                    ],
                                },
                            ),
                        ],
                    },
                    {
                        "title": "Bila terlanjur meminjam di pinjol ilegal",
                        "slug": "terlanjur-pinjol-ilegal",
                        "minutes": 15,
                        "body": [
                            (
                                "text",
                                (
                                    "<p>Bila Anda atau anggota keluarga sudah terlanjur meminjam "
                                    "di pinjol ilegal, jangan panik dan jangan menghadapinya "
                                    "sendirian.</p>"
                                    "<h3>Langkah yang bisa diambil</h3>"
                                    "<ol>"
                                    "<li><b>Berhenti menambah pinjaman.</b> Jangan meminjam di "
                                    "aplikasi lain untuk menutup pinjaman lama, karena utang akan "
                                    "berlipat.</li>"
                                    "<li><b>Simpan bukti:</b> tangkapan layar perjanjian, bukti "
                                    "transfer, pesan ancaman, dan nomor penagih.</li>"
                                    "<li><b>Cabut izin aplikasi</b> ke kontak dan galeri lewat "
                                    "pengaturan ponsel, lalu ganti kata sandi akun penting.</li>"
                                    "<li><b>Beri tahu keluarga dan kontak dekat</b> bahwa mungkin "
                                    "ada pesan dari penagih, dan minta mereka tidak "
                                    "menanggapinya.</li>"
                                    "<li><b>Laporkan</b> ke Kontak OJK 157. Aktivitas keuangan "
                                    "ilegal ditangani OJK bersama Satgas PASTI (Satuan Tugas "
                                    "Pemberantasan Aktivitas Keuangan Ilegal).</li>"
                                    "<li><b>Bila ada ancaman, pemerasan, atau penyebaran data "
                                    "pribadi</b>, laporkan ke polisi dengan membawa bukti.</li>"
                                    "</ol>"
                                    "<h3>Menata utang</h3>"
                                    "<p>Tulis semua utang dalam satu daftar: nama pemberi "
                                    "pinjaman, resmi atau tidak, jumlah yang benar-benar "
                                    "diterima, cicilan, dan tanggal jatuh tempo. Dahulukan "
                                    "kebutuhan pokok keluarga dan modal supaya usaha tetap "
                                    "berjalan. Bawa daftar ini saat berkonsultasi, supaya urutan "
                                    "pembayarannya bisa disusun bersama.</p>"
                                    "<h3>Mencegah terulang</h3>"
                                    "<p>Banyak orang terjerat pinjol ilegal karena butuh uang "
                                    "mendadak. Bangun dana cadangan usaha sedikit demi sedikit, "
                                    "misalnya dengan menyisihkan sebagian laba setiap minggu. "
                                    "Bila butuh modal, rencanakan lebih awal dan ajukan ke "
                                    "lembaga resmi.</p>"
                                ),
                            ),
                            (
                                "tip",
                                {
                                    "title": "Anda tidak sendirian",
                                    "text": (
                                        "<p>Terjerat pinjol ilegal bukan aib. Ceritakan kepada "
                                        "mentor atau pendamping UMKM Anda. Kami bisa membantu "
                                        "menyusun urutan pembayaran utang dan mencari pembiayaan "
                                        "yang resmi.</p>"
                                    ),
                                },
                            ),
                            (
                                "checklist",
                                {
                                    "title": "Pertolongan pertama",
                                    "items": [
                                        "Berhenti meminjam di aplikasi lain",
                                        "Bukti sudah disimpan",
                                        "Izin aplikasi dicabut dan kata sandi diganti",
                                        "Keluarga sudah diberi tahu",
                                        "Laporan ke Kontak OJK 157 atau polisi sudah dibuat",
                                    ],
                                },
                            ),
                        ],
                    },
                ],
            },
            {
                "title": "Mengajukan kredit ke bank",
                "summary": (
                    "Mengenal usaha yang layak dibiayai bank, memanfaatkan pola pembiayaan "
                    "komoditas Bank Indonesia, dan mengikuti pengajuan kredit dari formulir "
                    "sampai pencairan."
                ),
                "lessons": [
                    {
                        "title": "Usaha seperti apa yang dibiayai bank",
                        "slug": "usaha-yang-dibiayai-bank",
                        "minutes": 20,
                        "body": [
                            (
                                "text",
                                (
                                    "<p>Bank meminjamkan uang para penabung, jadi bank harus "
                                    "yakin pinjaman akan kembali. Yang dinilai bukan besar "
                                    "kecilnya usaha, tetapi apakah usaha itu <b>layak</b> dan "
                                    "cicilannya <b>sanggup</b> dibayar.</p>"
                                    "<h3>Prinsip 5C yang dipakai bank</h3>"
                                    "<ul>"
                                    "<li><b>Character (watak):</b> kejujuran dan riwayat "
                                    "pembayaran. Bank memeriksa riwayat kredit Anda lewat SLIK "
                                    "OJK.</li>"
                                    "<li><b>Capacity (kemampuan bayar):</b> apakah arus kas usaha "
                                    "cukup untuk cicilan. Di sinilah catatan keuangan sangat "
                                    "menolong.</li>"
                                    "<li><b>Capital (modal):</b> seberapa besar modal Anda "
                                    "sendiri yang sudah tertanam di usaha.</li>"
                                    "<li><b>Collateral (jaminan):</b> harta yang bisa dijadikan "
                                    "agunan. Untuk KUR dengan plafon kecil, agunan tambahan "
                                    "umumnya tidak diwajibkan; tanyakan ketentuan terbaru ke "
                                    "bank.</li>"
                                    "<li><b>Condition (kondisi):</b> keadaan pasar dan usaha, "
                                    "misalnya permintaan bakpia yang ditopang wisatawan.</li>"
                                    "</ul>"
                                    "<h3>Pola pembiayaan komoditas dari Bank Indonesia</h3>"
                                    "<p>Bank Indonesia menyusun pola pembiayaan (<i>lending "
                                    "model</i>) untuk berbagai komoditas usaha kecil, misalnya "
                                    "makanan olahan, kerajinan, dan pertanian. Isinya gambaran "
                                    "satu jenis usaha: kebutuhan modal investasi dan modal kerja, "
                                    "perkiraan biaya dan pendapatan, aspek pasar dan teknis, "
                                    "serta risikonya.</p>"
                                    "<p>Bank memakainya sebagai acuan untuk menilai usaha "
                                    "sejenis. Anda juga bisa memakainya untuk menyusun rencana "
                                    "usaha: bandingkan biaya dan pendapatan usaha Anda dengan "
                                    "gambaran di dalamnya. Cari di situs Bank Indonesia, "
                                    'bi.go.id, dengan kata kunci "pola pembiayaan".</p>'
                                ),
                            ),
                            (
                                "tip",
                                {
                                    "title": "Cek riwayat kredit Anda sendiri",
                                    "text": (
                                        "<p>Anda bisa meminta informasi riwayat kredit (SLIK) "
                                        "atas nama sendiri ke OJK tanpa biaya, secara online atau "
                                        "di kantor OJK. Cicilan lama yang pernah macet, termasuk "
                                        "kredit kendaraan atau kartu kredit, bisa memengaruhi "
                                        "penilaian bank.</p>"
                                    ),
                                },
                            ),
                            (
                                "checklist",
                                {
                                    "title": "Apakah usaha saya siap dibiayai?",
                                    "items": [
                                        "Usaha sudah berjalan dan punya pendapatan rutin",
                                        "Punya NIB atau surat keterangan usaha",
                                        "Riwayat cicilan lama lancar",
                                        "Punya catatan penjualan dan biaya minimal tiga bulan",
                                        "Tahu berapa cicilan yang sanggup dibayar per bulan",
                                    ],
                                },
                            ),
                        ],
                    },
                    {
                        "title": "Simulasi kredit sebelum mengajukan",
                        "slug": "simulasi-kredit",
                        "minutes": 20,
                        "body": [
                            (
                                "text",
                                (
                                    "<p>Sebelum mengajukan, hitung dulu berapa cicilan yang "
                                    "sanggup Anda bayar. Banyak bank menyediakan simulasi kredit "
                                    "di situs atau aplikasinya. Anda juga bisa memakai simulator "
                                    "di bawah ini.</p>"
                                    "<h3>Tiga angka yang dimasukkan</h3>"
                                    "<ul>"
                                    "<li><b>Jumlah pinjaman (plafon):</b> sesuai kebutuhan yang "
                                    "sudah Anda rinci, bukan sebesar-besarnya.</li>"
                                    "<li><b>Jangka waktu (tenor)</b> dalam bulan. Tenor panjang "
                                    "membuat cicilan kecil, tetapi total bunganya lebih "
                                    "besar.</li>"
                                    "<li><b>Bunga per tahun dan cara hitungnya:</b> flat atau "
                                    "efektif (anuitas).</li>"
                                    "</ul>"
                                    "<h3>Berapa cicilan yang aman?</h3>"
                                    "<p>Lihat laba bersih usaha per bulan dari catatan keuangan "
                                    "Anda (cara menyusunnya ada di minggu keempat). Sebagai "
                                    "pegangan yang hati-hati, usahakan cicilan tidak lebih dari "
                                    "sepertiga laba bersih bulanan, supaya masih ada sisa untuk "
                                    "cadangan saat penjualan sepi. Bank juga akan menghitung "
                                    "kemampuan bayar Anda dengan caranya sendiri.</p>"
                                    "<p>Contoh: warung gudeg Bu Narti punya laba bersih sekitar "
                                    "Rp 3.000.000 per bulan. Cicilan yang aman kira-kira paling "
                                    "tinggi Rp 1.000.000. Pinjaman Rp 10.000.000 selama 12 bulan "
                                    "dengan bunga efektif 6% per tahun menghasilkan cicilan "
                                    "sekitar Rp 860.664, jadi masih masuk.</p>"
                                ),
                            ),
                            (
                                "loan_simulator",
                                {
                                    "title": "Simulasi kredit",
                                    "intro": (
                                        "<p>Isi jumlah pinjaman, tenor, dan bunga, atau pilih "
                                        "salah satu contoh. Hasilnya perkiraan. Angka pasti "
                                        "mengikuti penawaran dan perjanjian dari bank, termasuk "
                                        "biaya provisi dan administrasi.</p>"
                                    ),
                                    "default_principal": 10000000,
                                    "default_tenor_months": 12,
                                    "presets": [
                                        {
                                            "name": "KUR Mikro (sekitar 6% efektif per tahun)",
                                            "annual_rate": "6",
                                            "method": "annuity",
                                        },
                                        {
                                            "name": (
                                                "Contoh kredit bank, bunga efektif 12% per tahun"
                                            ),
                                            "annual_rate": "12",
                                            "method": "annuity",
                                        },
                                        {
                                            "name": (
                                                "Contoh bunga flat 1% per bulan (12% per tahun)"
                                            ),
                                            "annual_rate": "12",
                                            "method": "flat",
                                        },
                                    ],
                                },
                            ),
                            (
                                "tip",
                                {
                                    "title": "Coba beberapa tenor",
                                    "text": (
                                        "<p>Bandingkan tenor 12, 24, dan 36 bulan. Pilih tenor "
                                        "terpendek yang cicilannya masih nyaman. Tanyakan juga "
                                        "biaya provisi dan administrasi, karena simulasi biasanya "
                                        "belum memasukkannya.</p>"
                                    ),
                                },
                            ),
                            (
                                "checklist",
                                {
                                    "title": "Hasil simulasi saya",
                                    "items": [
                                        "Jumlah pinjaman sesuai rincian kebutuhan",
                                        "Cicilan per bulan tidak lebih dari sepertiga laba bersih",
                                        "Total bunga sudah dibandingkan untuk dua atau tiga tenor",
                                        "Hasil simulasi dicatat untuk dibawa ke bank",
                                    ],
                                },
                            ),
                        ],
                    },
                    {
                        "title": "Langkah pengajuan kredit dari formulir sampai pencairan",
                        "slug": "langkah-pengajuan-kredit",
                        "minutes": 25,
                        "body": [
                            (
                                "text",
                                (
                                    "<p>Proses di setiap bank sedikit berbeda, tetapi urutannya "
                                    "umumnya seperti di bawah ini. Dari pengajuan sampai "
                                    "keputusan biasanya butuh sekitar dua minggu sampai satu "
                                    "bulan, tergantung kelengkapan berkas dan antrean di bank.</p>"
                                    "<h3>Urutan pengajuan</h3>"
                                    "<ol>"
                                    "<li><b>Isi formulir pengajuan</b>, secara online di situs "
                                    "atau aplikasi bank, atau langsung di kantor cabang.</li>"
                                    "<li><b>Simulasi kredit</b> untuk menentukan jumlah pinjaman "
                                    "dan tenor yang sesuai.</li>"
                                    "<li><b>Serahkan dokumen:</b> KTP (dan KTP pasangan bila "
                                    "sudah menikah), Kartu Keluarga, izin usaha atau NIB, "
                                    "rekening koran atau mutasi rekening tiga bulan terakhir, dan "
                                    "catatan keuangan sederhana.</li>"
                                    "<li><b>Pemeriksaan dokumen</b> oleh petugas bank, termasuk "
                                    "pengecekan riwayat kredit di SLIK OJK.</li>"
                                    "<li><b>Survei lokasi usaha:</b> petugas datang melihat "
                                    "tempat usaha, stok, dan cara Anda berjualan, lalu bertanya "
                                    "tentang usaha Anda.</li>"
                                    "<li><b>Analisis kredit:</b> bank menilai kelayakan usaha dan "
                                    "kemampuan bayar, lalu memutuskan.</li>"
                                    "<li><b>Keputusan:</b> bila disetujui, Anda menandatangani "
                                    "perjanjian kredit dan dana dicairkan ke rekening. Bila belum "
                                    "disetujui, berkas dikembalikan.</li>"
                                    "</ol>"
                                    "<h3>Bila berkas dikembalikan</h3>"
                                    "<p>Jangan berkecil hati. Tanyakan alasannya dengan sopan: "
                                    "dokumen kurang, catatan keuangan belum meyakinkan, atau ada "
                                    "masalah riwayat kredit. Perbaiki bagian itu, lalu ajukan "
                                    "lagi.</p>"
                                ),
                            ),
                            (
                                "tip",
                                {
                                    "title": "NIB bisa diurus sendiri secara online",
                                    "text": (
                                        "<p>Nomor Induk Berusaha (NIB) adalah identitas usaha "
                                        "yang diterbitkan lewat sistem OSS di oss.go.id. Usaha "
                                        "mikro dan kecil bisa mendaftar sendiri tanpa biaya. Bila "
                                        "kesulitan, minta bantuan pendamping UMKM atau dinas "
                                        "koperasi dan UKM.</p>"
                                    ),
                                },
                            ),
                            (
                                "video",
                                {
                                    "title": "Alur kredit bank dari formulir sampai pencairan",
                                    "url": "https://www.youtube.com/watch?v=Nb3qF7jXu6G",
                                    "thumbnail": "video-alur-kredit-bank.jpg",
                                    "duration_seconds": 180,
                                    "transcript": (
                                        "<p>Di video ini kita ikuti Mbak Wulan, pemilik usaha "
                                        "batik cap di Bantul, yang mengajukan kredit untuk "
                                        "membeli kain menjelang musim ramai.</p>"
                                        "<p>Langkah pertama, Mbak Wulan mengisi formulir "
                                        "pengajuan secara online di situs bank. Ia memasukkan "
                                        "data diri, data usaha, dan jumlah pinjaman yang "
                                        "diinginkan.</p>"
                                        "<p>Langkah kedua, ia mencoba simulasi kredit. Dengan "
                                        "pinjaman Rp 10.000.000 selama 12 bulan, cicilannya masih "
                                        "di bawah sepertiga laba bersih bulanannya. Ia pun yakin "
                                        "dengan jumlah itu.</p>"
                                        "<p>Langkah ketiga, ia menyiapkan dokumen: KTP, Kartu "
                                        "Keluarga, NIB, mutasi rekening tiga bulan terakhir, dan "
                                        "catatan keuangan. Karena sudah rutin mencatat, ia "
                                        "tinggal mencetak ringkasan laba rugi tiga bulan "
                                        "terakhir.</p>"
                                        "<p>Langkah keempat, petugas bank memeriksa dokumen dan "
                                        "riwayat kreditnya. Beberapa hari kemudian, petugas "
                                        "datang ke rumah produksinya untuk survei. Petugas "
                                        "melihat meja cap dan stok kain, lalu bertanya siapa saja "
                                        "pelanggannya. Mbak Wulan menjawab apa adanya dan "
                                        "menunjukkan nota dari toko batik langganan.</p>"
                                        "<p>Tips untuk survei: jawab dengan jujur, tunjukkan buku "
                                        "catatan dan nota, dan biarkan petugas melihat proses "
                                        "produksi. Petugas tidak mencari tempat yang mewah, "
                                        "tetapi ingin yakin usahanya benar-benar berjalan.</p>"
                                        "<p>Langkah kelima, analis kredit menilai usahanya. "
                                        "Sekitar tiga minggu setelah pengajuan, Mbak Wulan "
                                        "ditelepon: kreditnya disetujui. Ia datang ke bank, "
                                        "membaca perjanjian dengan teliti, bertanya tentang biaya "
                                        "dan denda, lalu menandatangani. Dananya cair ke rekening "
                                        "usaha.</p>"
                                        "<p>Bagaimana kalau tidak disetujui? Berkas dikembalikan. "
                                        "Tanyakan alasannya, perbaiki, lalu ajukan lagi. Yang "
                                        "penting, jangan lari ke pinjol ilegal karena "
                                        "terburu-buru.</p>"
                                    ),
                                },
                            ),
                            (
                                "checklist",
                                {
                                    "title": "Berkas pengajuan",
                                    "items": [
                                        "KTP pemilik, dan KTP pasangan bila sudah menikah",
                                        "Kartu Keluarga",
                                        "NIB atau surat keterangan usaha",
                                        "Rekening koran atau mutasi rekening tiga bulan terakhir",
                                        "Catatan keuangan sederhana: kas harian dan laba rugi",
                                        "Foto tempat usaha dan produk",
                                    ],
                                },
                            ),
                        ],
                    },
                ],
            },
            {
                "title": "Pencatatan keuangan sederhana",
                "summary": (
                    "Memisahkan uang usaha dan pribadi, mencatat kas masuk dan keluar setiap "
                    "hari, lalu menyusun laporan laba rugi sederhana."
                ),
                "lessons": [
                    {
                        "title": "Memisahkan uang usaha dan uang pribadi",
                        "slug": "memisahkan-uang",
                        "minutes": 15,
                        "body": [
                            (
                                "text",
                                (
                                    "<p>Masalah yang paling sering dialami UMKM adalah uang usaha "
                                    "dan uang rumah tangga bercampur. Akibatnya pemilik tidak "
                                    "tahu usahanya untung atau rugi. Uang laci dipakai untuk "
                                    "belanja dapur, lalu saat harus membeli bahan, uangnya "
                                    "kurang.</p>"
                                    "<h3>Cara memisahkan</h3>"
                                    "<ul>"
                                    "<li><b>Pisahkan tempatnya.</b> Dompet atau laci khusus "
                                    "usaha, dan bila bisa, rekening bank khusus usaha. Mutasi "
                                    "rekening ini juga berguna saat mengajukan kredit.</li>"
                                    "<li><b>Gaji diri sendiri.</b> Tentukan jumlah tetap yang "
                                    "Anda ambil dari usaha, misalnya Rp 3.000.000 per bulan, dan "
                                    "catat sebagai biaya usaha.</li>"
                                    "<li><b>Catat setiap pengambilan lain.</b> Bila terpaksa "
                                    "memakai uang usaha untuk keperluan pribadi, catat sebagai "
                                    '"pengambilan pribadi".</li>'
                                    "<li><b>Produk yang dipakai sendiri juga dicatat</b>, "
                                    "misalnya bakpia yang dibawa untuk arisan keluarga.</li>"
                                    "</ul>"
                                    "<h3>Contoh</h3>"
                                    "<p>Pak Slamet berjualan kopi Gunungkidul di pasar. Warungnya "
                                    "ramai, tetapi uangnya selalu habis sebelum belanja biji kopi "
                                    "berikutnya. Setelah dua minggu memakai dompet terpisah dan "
                                    "mencatat setiap pengambilan, ia melihat uang usaha sering "
                                    "terpakai untuk pulsa, jajan, dan keperluan rumah. Usahanya "
                                    "ternyata untung; yang bocor adalah pencatatannya.</p>"
                                    "<h3>Alat yang dipakai</h3>"
                                    "<p>Buku tulis bergaris sudah cukup. Bila terbiasa dengan "
                                    "ponsel, Anda bisa memakai spreadsheet atau aplikasi "
                                    "pencatatan keuangan. Yang penting bukan alatnya, tetapi "
                                    "kebiasaan mencatat setiap hari.</p>"
                                ),
                            ),
                            (
                                "tip",
                                {
                                    "title": "Mulai dari yang paling mudah",
                                    "text": (
                                        "<p>Tidak perlu langsung sempurna. Minggu ini cukup "
                                        "siapkan satu dompet khusus usaha dan satu buku tulis. "
                                        "Kebiasaan kecil yang dijalankan setiap hari lebih "
                                        "berguna daripada aplikasi canggih yang tidak pernah "
                                        "dibuka.</p>"
                                    ),
                                },
                            ),
                            (
                                "checklist",
                                {
                                    "title": "Pemisahan uang",
                                    "items": [
                                        "Dompet atau laci khusus usaha sudah ada",
                                        "Rekening khusus usaha sudah dibuka atau direncanakan",
                                        "Besar gaji pemilik sudah ditentukan",
                                        "Setiap pengambilan pribadi dicatat",
                                    ],
                                },
                            ),
                        ],
                    },
                    {
                        "title": "Mencatat kas masuk dan kas keluar setiap hari",
                        "slug": "catat-kas-harian",
                        "minutes": 25,
                        "body": [
                            (
                                "text",
                                (
                                    "<p>Buku kas mencatat semua uang yang masuk dan keluar dari "
                                    "usaha, setiap hari. Buat lima kolom: tanggal, keterangan, "
                                    "kas masuk, kas keluar, dan saldo.</p>"
                                    "<h3>Contoh: warung gudeg Bu Narti, hari Senin</h3>"
                                    "<ol>"
                                    "<li>Saldo awal di laci usaha: Rp 800.000.</li>"
                                    "<li>Keluar, belanja nangka muda, telur, ayam, dan santan di "
                                    "pasar: Rp 650.000. Saldo Rp 150.000.</li>"
                                    "<li>Keluar, isi ulang gas: Rp 25.000. Saldo Rp 125.000.</li>"
                                    "<li>Masuk, penjualan pagi: Rp 900.000. Saldo Rp "
                                    "1.025.000.</li>"
                                    "<li>Masuk, pelunasan pesanan nasi kotak: Rp 600.000. Saldo "
                                    "Rp 1.625.000.</li>"
                                    "<li>Keluar, besek dan kertas nasi: Rp 75.000. Saldo Rp "
                                    "1.550.000.</li>"
                                    "<li>Keluar, upah pembantu harian: Rp 100.000. Saldo akhir Rp "
                                    "1.450.000.</li>"
                                    "</ol>"
                                    "<p>Total kas masuk hari itu <b>Rp 1.500.000</b>, total kas "
                                    "keluar <b>Rp 850.000</b>. Saldo akhir di buku harus sama "
                                    "dengan uang usaha yang ada. Bila berbeda, cari selisihnya "
                                    "hari itu juga, selagi masih ingat.</p>"
                                    "<h3>Kebiasaan yang membantu</h3>"
                                    "<ul>"
                                    "<li>Catat saat transaksi terjadi, atau paling lambat setiap "
                                    "malam.</li>"
                                    "<li>Simpan nota belanja dalam satu amplop per bulan.</li>"
                                    "<li>Penjualan lewat transfer atau QRIS juga dicatat sebagai "
                                    "kas masuk.</li>"
                                    "<li>Pembeli yang belum membayar dicatat di halaman "
                                    "piutang.</li>"
                                    "</ul>"
                                ),
                            ),
                            (
                                "video",
                                {
                                    "title": "Catat kas harian dalam lima menit",
                                    "url": "https://www.youtube.com/watch?v=Ve6pM0cZa8T",
                                    "thumbnail": "video-catat-kas-harian.jpg",
                                    "duration_seconds": 165,
                                    "transcript": (
                                        "<p>Halo! Di video ini saya tunjukkan cara mencatat kas "
                                        "harian dengan buku tulis. Waktunya tidak lebih dari lima "
                                        "menit sehari.</p>"
                                        "<p>Buat lima kolom: tanggal, keterangan, masuk, keluar, "
                                        "dan saldo. Di baris pertama, tulis saldo awal, yaitu "
                                        "uang di laci usaha pagi ini. Contohnya Rp 800.000.</p>"
                                        "<p>Setiap ada uang keluar, tulis di kolom keluar. "
                                        "Belanja bahan di pasar Rp 650.000, saldo tinggal Rp "
                                        "150.000. Beli gas Rp 25.000, saldo Rp 125.000.</p>"
                                        "<p>Setiap ada uang masuk, tulis di kolom masuk. "
                                        "Penjualan pagi Rp 900.000, saldo menjadi Rp 1.025.000. "
                                        "Pelunasan pesanan nasi kotak Rp 600.000, saldo Rp "
                                        "1.625.000.</p>"
                                        "<p>Sore hari, beli besek dan kertas nasi Rp 75.000, lalu "
                                        "bayar upah pembantu Rp 100.000. Saldo akhir Rp "
                                        "1.450.000.</p>"
                                        "<p>Sekarang hitung uang di laci. Kalau jumlahnya Rp "
                                        "1.450.000, catatan Anda cocok. Kalau berbeda, cari apa "
                                        "yang lupa dicatat. Biasanya pengeluaran kecil, seperti "
                                        "parkir atau es teh.</p>"
                                        "<p>Kalau pembeli membayar lewat transfer atau QRIS, "
                                        "catat juga sebagai uang masuk, lalu cocokkan dengan "
                                        "mutasi rekening di malam hari. Simpan nota belanja dalam "
                                        "amplop. Nota itu berguna untuk mengecek catatan dan "
                                        "nanti menjadi bukti saat mengajukan kredit.</p>"
                                        "<p>Di akhir hari, jumlahkan: total masuk Rp 1.500.000, "
                                        "total keluar Rp 850.000. Angka harian ini nanti "
                                        "dijumlahkan menjadi laporan bulanan. Mudah, kan? Mulai "
                                        "malam ini juga.</p>"
                                    ),
                                },
                            ),
                            (
                                "checklist",
                                {
                                    "title": "Buku kas saya",
                                    "items": [
                                        "Buku atau spreadsheet dengan lima kolom sudah siap",
                                        "Saldo awal ditulis setiap pagi",
                                        (
                                            "Semua transaksi hari ini dicatat, termasuk transfer "
                                            "dan QRIS"
                                        ),
                                        "Saldo akhir cocok dengan uang usaha yang ada",
                                    ],
                                },
                            ),
                        ],
                    },
                    {
                        "title": "Menyusun laporan laba rugi sederhana",
                        "slug": "laporan-laba-rugi",
                        "minutes": 25,
                        "body": [
                            (
                                "text",
                                (
                                    "<p>Laporan laba rugi menjawab pertanyaan terpenting: bulan "
                                    "ini usaha saya untung atau rugi, dan berapa? Bahannya "
                                    "diambil dari buku kas harian selama satu bulan.</p>"
                                    "<h3>Susunannya</h3>"
                                    "<ol>"
                                    "<li><b>Pendapatan:</b> semua hasil penjualan dalam "
                                    "sebulan.</li>"
                                    "<li><b>Harga pokok penjualan (HPP):</b> biaya bahan baku "
                                    "untuk produk yang terjual.</li>"
                                    "<li><b>Laba kotor</b> = pendapatan - HPP.</li>"
                                    "<li><b>Biaya operasional:</b> upah, gaji pemilik, gas, "
                                    "listrik, kemasan, sewa, transportasi, promosi.</li>"
                                    "<li><b>Laba bersih</b> = laba kotor - biaya operasional.</li>"
                                    "</ol>"
                                    "<h3>Contoh: warung gudeg Bu Narti, satu bulan (26 hari "
                                    "buka)</h3>"
                                    "<ul>"
                                    "<li>Pendapatan: Rp 28.000.000</li>"
                                    "<li>HPP (bahan baku): Rp 16.000.000</li>"
                                    "<li><b>Laba kotor: Rp 12.000.000</b></li>"
                                    "<li>Biaya operasional: upah pembantu Rp 2.600.000, gaji "
                                    "pemilik Rp 3.000.000, gas Rp 650.000, listrik dan air Rp "
                                    "350.000, kemasan Rp 1.300.000, sewa tempat Rp 1.000.000, "
                                    "lain-lain Rp 100.000. Jumlah Rp 9.000.000.</li>"
                                    "<li><b>Laba bersih: Rp 12.000.000 - Rp 9.000.000 = Rp "
                                    "3.000.000</b></li>"
                                    "</ul>"
                                    "<h3>Yang sering keliru</h3>"
                                    "<ul>"
                                    "<li>Pembelian alat yang dipakai bertahun-tahun, seperti "
                                    "kompor baru, jangan dimasukkan seluruhnya sebagai biaya "
                                    "bulan itu.</li>"
                                    "<li>Untuk cicilan pinjaman, hanya bagian bunganya yang "
                                    "termasuk biaya. Bagian pokoknya adalah pengembalian "
                                    "utang.</li>"
                                    "<li>Pengambilan pribadi di luar gaji pemilik bukan biaya "
                                    "usaha.</li>"
                                    "</ul>"
                                    "<p>Simpan laporan setiap bulan. Dari situ Anda bisa melihat "
                                    "bulan ramai dan bulan sepi, dan bank bisa menilai kemampuan "
                                    "bayar Anda.</p>"
                                ),
                            ),
                            (
                                "tip",
                                {
                                    "title": "Kas banyak belum tentu untung",
                                    "text": (
                                        "<p>Saldo kas bisa banyak karena baru menerima uang muka "
                                        "pesanan, padahal bahannya belum dibeli. Sebaliknya, "
                                        "usaha yang untung bisa kekurangan kas bila banyak "
                                        "pembeli belum membayar. Karena itu buat keduanya: buku "
                                        "kas dan laporan laba rugi.</p>"
                                    ),
                                },
                            ),
                            (
                                "checklist",
                                {
                                    "title": "Laporan bulan ini",
                                    "items": [
                                        "Pendapatan sebulan sudah dijumlahkan dari buku kas",
                                        "Biaya bahan baku (HPP) sudah dihitung",
                                        "Biaya operasional, termasuk gaji pemilik, sudah dicatat",
                                        "Laba bersih sudah dihitung",
                                        (
                                            "Laporan tiga bulan terakhir disimpan untuk pengajuan "
                                            "kredit"
                                        ),
                                    ],
                                },
                            ),
                        ],
                    },
                ],
            },
        ],
    },
]
