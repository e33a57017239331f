"""Demo quizzes, knowledge questionnaires and surveys for `seed_demo`, in Bahasa Indonesia."""

# Pure data, no Django imports. Every question tests what the lessons in
# courses/demo_content.py teach, with the same figures and the same advice.
# Numeric answers and tolerances are plain digit strings, parsed as Decimal.

QUIZZES = {
    "pemasaran-digital": {
        "weeks": [
            # Minggu 1: Mengapa jualan online
            {
                "title": "Kuis Minggu 1",
                "intro": (
                    "Kuis singkat tentang manfaat jualan online, memilih saluran, dan bahan yang "
                    "disiapkan sebelum membuat akun. Bila belum lulus, baca lagi materinya lalu "
                    "coba lagi."
                ),
                "pass_mark": 70,
                "attempts_allowed": 3,
                "questions": [
                    (
                        "single_choice",
                        {
                            "prompt": (
                                "Bu Sri berjualan bakpia di dekat Malioboro. Sekarang ia juga "
                                "berjualan lewat Instagram dan WhatsApp Business. Apa artinya "
                                "bagi tokonya?"
                            ),
                            "choices": [
                                {
                                    "text": (
                                        "Toko tetap buka. Ponsel menjadi etalase kedua yang buka "
                                        "24 jam."
                                    ),
                                    "correct": True,
                                    "feedback": (
                                        "Benar. Jualan online tidak menutup toko. Ponsel "
                                        "menambah satu etalase lagi."
                                    ),
                                },
                                {
                                    "text": "Toko sebaiknya ditutup supaya hemat biaya sewa.",
                                    "correct": False,
                                    "feedback": (
                                        "Kurang tepat. Jualan online bukan berarti menutup "
                                        "toko. Toko, warung, atau lapak tetap jalan."
                                    ),
                                },
                                {
                                    "text": "Pembeli tidak bisa lagi datang langsung ke toko.",
                                    "correct": False,
                                    "feedback": (
                                        "Tidak benar. Pembeli tetap bisa datang. Yang berubah: "
                                        "pembeli yang jauh sekarang juga bisa memesan."
                                    ),
                                },
                            ],
                            "explanation": (
                                "Jualan online menambah etalase, bukan mengganti toko. Wisatawan "
                                "yang sudah pulang ke kotanya bisa memesan lagi lewat pesan, lalu "
                                "dikirim lewat ekspedisi."
                            ),
                        },
                    ),
                    (
                        "multiple_choice",
                        {
                            "prompt": (
                                "Apa saja manfaat jualan online untuk usaha kecil? (pilih semua "
                                "yang benar)"
                            ),
                            "choices": [
                                {
                                    "text": (
                                        "Wisatawan yang pernah mampir bisa memesan lagi setelah "
                                        "pulang ke kotanya."
                                    ),
                                    "correct": True,
                                    "feedback": "Benar. Pembeli dari luar kampung tetap terlayani.",
                                },
                                {
                                    "text": (
                                        "Pelanggan lama tetap ingat karena melihat unggahan Anda "
                                        "setiap minggu."
                                    ),
                                    "correct": True,
                                    "feedback": "Benar. Mereka teringat pada Anda saat butuh.",
                                },
                                {
                                    "text": (
                                        "Biaya awal kecil, karena akun Instagram, TikTok, dan "
                                        "WhatsApp Business gratis."
                                    ),
                                    "correct": True,
                                    "feedback": ("Benar. Modal utamanya ponsel, kuota, dan waktu."),
                                },
                                {
                                    "text": (
                                        "Pembeli tidak bisa lagi membandingkan harga dengan "
                                        "penjual lain."
                                    ),
                                    "correct": False,
                                    "feedback": (
                                        "Justru sebaliknya. Di ponsel, pembeli mudah "
                                        "membandingkan harga. Ini salah satu tantangannya."
                                    ),
                                },
                                {
                                    "text": (
                                        "Pesan pembeli boleh dibalas kapan saja, tidak perlu cepat."
                                    ),
                                    "correct": False,
                                    "feedback": (
                                        "Keliru. Pembeli online ingin dijawab cepat. Siapkan "
                                        "waktu untuk membalas pesan."
                                    ),
                                },
                            ],
                            "partial_credit": True,
                            "explanation": (
                                "Manfaatnya: pembeli dari luar kampung, pelanggan lama tetap "
                                "ingat, biaya awal kecil, dan bisa belajar dari data. "
                                "Tantangannya: harus rutin mengunggah, cepat membalas, dan siap "
                                "dibandingkan harganya."
                            ),
                        },
                    ),
                    (
                        "true_false",
                        {
                            "prompt": (
                                "Lebih baik mengunggah sepuluh kali dalam seminggu lalu berhenti "
                                "sebulan, daripada mengunggah tiga kali seminggu secara rutin."
                            ),
                            "answer": "false",
                            "explanation": (
                                "Salah. Jualan online butuh kebiasaan. Tiga unggahan seminggu yang "
                                "rutin lebih baik daripada banyak unggahan lalu menghilang."
                            ),
                        },
                    ),
                    (
                        "single_choice",
                        {
                            "prompt": (
                                "Pak Harto, perajin perak Kotagede, ingin dikenal pembeli baru "
                                "lewat video proses menempa perak. Saluran mana yang paling cocok?"
                            ),
                            "choices": [
                                {
                                    "text": (
                                        "TikTok, karena videonya bisa tampil di layar orang yang "
                                        "belum mengikuti akunnya."
                                    ),
                                    "correct": True,
                                    "feedback": (
                                        "Benar. TikTok cocok untuk memperlihatkan proses dan "
                                        "cerita kepada pembeli baru."
                                    ),
                                },
                                {
                                    "text": "WhatsApp Business, karena di sana pesanan dilayani.",
                                    "correct": False,
                                    "feedback": (
                                        "WhatsApp Business adalah tempat menutup penjualan dan "
                                        "merawat pelanggan, bukan tempat untuk dikenal orang baru."
                                    ),
                                },
                                {
                                    "text": (
                                        "Marketplace, karena di sana pembeli paling suka menonton "
                                        "proses pembuatan."
                                    ),
                                    "correct": False,
                                    "feedback": (
                                        "Marketplace cocok untuk produk siap kirim ke pembeli di "
                                        "banyak kota, bukan untuk bercerita lewat video proses."
                                    ),
                                },
                            ],
                            "explanation": (
                                "TikTok cocok untuk proses dan cerita: perajin menempa perak, "
                                "gudeg dimasak berjam-jam, kopi Gunungkidul disangrai. Videonya "
                                "bisa muncul di layar orang yang belum mengikuti akun Anda."
                            ),
                        },
                    ),
                    (
                        "single_choice",
                        {
                            "prompt": "Kombinasi saluran mana yang sering dipakai UMKM?",
                            "choices": [
                                {
                                    "text": (
                                        "Instagram atau TikTok supaya dikenal, lalu WhatsApp "
                                        "Business untuk melayani pesanan."
                                    ),
                                    "correct": True,
                                    "feedback": (
                                        "Benar. Satu saluran untuk dikenal, satu untuk transaksi."
                                    ),
                                },
                                {
                                    "text": "Semua aplikasi dibuka sekaligus di hari yang sama.",
                                    "correct": False,
                                    "feedback": (
                                        "Tidak perlu. Mulailah dari satu atau dua saluran yang "
                                        "paling cocok."
                                    ),
                                },
                                {
                                    "text": (
                                        "Marketplace saja, karena potongan biaya layanannya tidak "
                                        "perlu dihitung."
                                    ),
                                    "correct": False,
                                    "feedback": (
                                        "Potongan biaya layanan marketplace justru harus "
                                        "diperhitungkan saat menentukan harga jual."
                                    ),
                                },
                                {
                                    "text": "Saluran yang sedang ramai dipakai teman, ikut saja.",
                                    "correct": False,
                                    "feedback": (
                                        "Pilih berdasarkan siapa pembeli Anda dan seperti apa "
                                        "produk Anda, bukan karena ikut-ikutan."
                                    ),
                                },
                            ],
                            "explanation": (
                                "Instagram atau TikTok membuat usaha dikenal, WhatsApp Business "
                                "melayani pesanan. Pasang tautan WhatsApp di bio supaya pembeli "
                                "tinggal sekali ketuk."
                            ),
                        },
                    ),
                    (
                        "multiple_choice",
                        {
                            "prompt": (
                                "Apa saja yang perlu disiapkan sebelum membuat akun usaha? (pilih "
                                "semua yang benar)"
                            ),
                            "choices": [
                                {
                                    "text": (
                                        "Nama usaha yang pendek, mudah dieja, dan sama di semua "
                                        'aplikasi, misalnya "Bakpia Bu Sri Jogja".'
                                    ),
                                    "correct": True,
                                    "feedback": "Benar. Nama seperti ini mudah dicari pembeli.",
                                },
                                {
                                    "text": (
                                        "Daftar produk dan harga, misalnya bakpia kacang hijau "
                                        "isi 20, Rp 40.000."
                                    ),
                                    "correct": True,
                                    "feedback": (
                                        "Benar. Tulis nama produk, ukuran atau isi, dan harga."
                                    ),
                                },
                                {
                                    "text": (
                                        "Cara pesan, cara bayar, dan cara kirim, termasuk daya "
                                        "tahan produk."
                                    ),
                                    "correct": True,
                                    "feedback": (
                                        "Benar. Gudeg basah dan gudeg kaleng sangat berbeda daya "
                                        "tahannya."
                                    ),
                                },
                                {
                                    "text": (
                                        "Nama akun yang panjang dan unik, misalnya "
                                        '"bakpia_enak_banget_123".'
                                    ),
                                    "correct": False,
                                    "feedback": (
                                        "Nama seperti ini sulit dicari dan dieja. Pilih nama "
                                        "pendek yang sama di semua aplikasi."
                                    ),
                                },
                                {
                                    "text": (
                                        "Foto produk milik toko lain yang lebih bagus, supaya "
                                        "akun cepat terlihat ramai."
                                    ),
                                    "correct": False,
                                    "feedback": (
                                        "Pembeli butuh foto yang jujur. Pakai foto produk, tempat "
                                        "usaha, dan proses pembuatan Anda sendiri."
                                    ),
                                },
                            ],
                            "partial_credit": False,
                            "explanation": (
                                "Siapkan nama usaha, logo atau foto profil, daftar produk dan "
                                "harga, cara pesan dan bayar, cara kirim, dan sepuluh foto "
                                "pertama. Simpan di satu folder supaya mudah disalin."
                            ),
                        },
                    ),
                    (
                        "true_false",
                        {
                            "prompt": (
                                "Menulis harga dan tujuan pengiriman di profil dan katalog "
                                "membuat pembeli lebih cepat memutuskan."
                            ),
                            "answer": "true",
                            "explanation": (
                                'Benar. Pertanyaan yang paling sering muncul adalah "berapa '
                                'harganya?" dan "bisa kirim ke mana?". Bila jawabannya sudah '
                                "tertulis, pembeli tidak perlu bertanya berkali-kali."
                            ),
                        },
                    ),
                ],
            },
            # Minggu 2: Akun bisnis Instagram dan TikTok
            {
                "title": "Kuis Minggu 2",
                "intro": (
                    "Kuis singkat tentang akun bisnis Instagram dan TikTok, bio, dan cara merawat "
                    "akun setiap hari dengan aman."
                ),
                "pass_mark": 70,
                "attempts_allowed": 3,
                "questions": [
                    (
                        "single_choice",
                        {
                            "prompt": (
                                "Apa yang Anda dapat setelah akun Instagram diubah menjadi akun "
                                "profesional jenis Bisnis?"
                            ),
                            "choices": [
                                {
                                    "text": (
                                        "Tombol kontak, kategori usaha, data jangkauan, dan fitur "
                                        "iklan."
                                    ),
                                    "correct": True,
                                    "feedback": "Benar. Semua ini tidak ada di akun pribadi.",
                                },
                                {
                                    "text": "Pengikut bertambah sendiri tanpa perlu mengunggah.",
                                    "correct": False,
                                    "feedback": (
                                        "Akun bisnis tidak menambah pengikut dengan sendirinya. "
                                        "Anda tetap perlu mengunggah secara rutin."
                                    ),
                                },
                                {
                                    "text": "Iklan gratis tanpa batas.",
                                    "correct": False,
                                    "feedback": (
                                        "Fitur iklan memang tersedia, tetapi iklan tetap berbayar. "
                                        "Anggarannya dibahas di minggu keempat."
                                    ),
                                },
                            ],
                            "explanation": (
                                "Akun pribadi bisa diubah menjadi akun bisnis, atau buat akun baru "
                                'khusus usaha. Bila menu tidak ketemu, ketik "profesional" di '
                                "kolom pencarian pengaturan."
                            ),
                        },
                    ),
                    (
                        "single_choice",
                        {
                            "prompt": "Bio mana yang paling baik untuk usaha perak di Kotagede?",
                            "choices": [
                                {
                                    "text": (
                                        "Perak buatan tangan Kotagede. Cincin, liontin, pesanan "
                                        "custom. Kirim ke seluruh Indonesia. Pesan lewat WA di "
                                        "bawah."
                                    ),
                                    "correct": True,
                                    "feedback": (
                                        "Benar. Ada produk, keunggulan, lokasi, dan cara pesan."
                                    ),
                                },
                                {
                                    "text": "Selamat datang di akun kami! Jangan lupa follow ya!!!",
                                    "correct": False,
                                    "feedback": (
                                        "Bio ini tidak menyebut apa yang dijual, lokasi, atau "
                                        "cara pesan."
                                    ),
                                },
                                {
                                    "text": "Akun resmi. Kualitas nomor satu.",
                                    "correct": False,
                                    "feedback": (
                                        "Pembeli tidak tahu produk apa yang dijual, di mana, dan "
                                        "bagaimana memesannya."
                                    ),
                                },
                            ],
                            "explanation": (
                                "Bio hanya beberapa baris. Isi dengan apa yang dijual, "
                                "keunggulannya, lokasi, dan cara pesan. Pendek, jelas, dan "
                                "langsung menjawab pertanyaan pembeli."
                            ),
                        },
                    ),
                    (
                        "true_false",
                        {
                            "prompt": (
                                "Kode OTP boleh diberikan kepada orang yang mengaku petugas "
                                "Instagram atau TikTok."
                            ),
                            "answer": "false",
                            "explanation": (
                                "Salah. Jangan pernah memberikan kode OTP kepada siapa pun, "
                                "termasuk orang yang mengaku dari Instagram atau TikTok."
                            ),
                        },
                    ),
                    (
                        "multiple_choice",
                        {
                            "prompt": (
                                "Mana saja cara menjaga keamanan akun usaha? (pilih semua yang "
                                "benar)"
                            ),
                            "choices": [
                                {
                                    "text": "Mengaktifkan autentikasi dua faktor.",
                                    "correct": True,
                                    "feedback": "Benar. Akun jadi lebih sulit dibobol.",
                                },
                                {
                                    "text": "Mencatat siapa saja yang tahu kata sandi akun.",
                                    "correct": True,
                                    "feedback": (
                                        "Benar. Ini penting bila akun dipegang beberapa orang."
                                    ),
                                },
                                {
                                    "text": (
                                        "Mengganti kata sandi bila ada karyawan pemegang akun yang "
                                        "berhenti bekerja."
                                    ),
                                    "correct": True,
                                    "feedback": "Benar. Mantan karyawan tidak lagi bisa masuk.",
                                },
                                {
                                    "text": (
                                        "Masuk lewat tautan di pesan yang mengaku dari Instagram, "
                                        "supaya akun terverifikasi."
                                    ),
                                    "correct": False,
                                    "feedback": (
                                        "Waspadai pesan seperti ini. Pesan yang meminta Anda masuk "
                                        "lewat tautan bisa jadi penipuan."
                                    ),
                                },
                                {
                                    "text": "Memberikan kode OTP kepada teman agar akun aman.",
                                    "correct": False,
                                    "feedback": "Kode OTP tidak boleh diberikan kepada siapa pun.",
                                },
                            ],
                            "partial_credit": True,
                            "explanation": (
                                "Aktifkan autentikasi dua faktor, jangan berikan kode OTP, "
                                "waspadai tautan yang mengaku dari aplikasi, dan catat siapa saja "
                                "yang memegang kata sandi."
                            ),
                        },
                    ),
                    (
                        "single_choice",
                        {
                            "prompt": (
                                "Akun TikTok usaha Anda baru jadi. Apa yang sebaiknya dilakukan "
                                "sebelum akun dipromosikan?"
                            ),
                            "choices": [
                                {
                                    "text": (
                                        "Unggah dua atau tiga video dulu, supaya orang yang mampir "
                                        "ke profil langsung melihat isinya."
                                    ),
                                    "correct": True,
                                    "feedback": "Benar. Profil yang ada isinya lebih meyakinkan.",
                                },
                                {
                                    "text": "Langsung pasang iklan walaupun belum ada video.",
                                    "correct": False,
                                    "feedback": (
                                        "Orang yang mampir ke profil kosong tidak melihat apa-apa. "
                                        "Isi dulu dengan beberapa video."
                                    ),
                                },
                                {
                                    "text": (
                                        "Pakai nama pengguna yang berbeda dari Instagram supaya "
                                        "terlihat baru."
                                    ),
                                    "correct": False,
                                    "feedback": (
                                        "Sebaiknya pakai nama yang sama dengan Instagram bila "
                                        "masih tersedia, supaya mudah dikenali."
                                    ),
                                },
                            ],
                            "explanation": (
                                "Pilih nama pengguna yang sama dengan Instagram, beralih ke Akun "
                                "Bisnis, isi bio singkat, lalu unggah dua atau tiga video sebelum "
                                "akun dipromosikan."
                            ),
                        },
                    ),
                    (
                        "single_choice",
                        {
                            "prompt": (
                                "Pagi ini ada pembeli yang bertanya harga lewat WhatsApp. Kapan "
                                "paling lambat Anda membalas?"
                            ),
                            "choices": [
                                {
                                    "text": "Di hari yang sama.",
                                    "correct": True,
                                    "feedback": (
                                        "Benar. Balas secepat mungkin, paling lambat di hari yang "
                                        "sama."
                                    ),
                                },
                                {
                                    "text": "Minggu depan, saat sedang tidak sibuk.",
                                    "correct": False,
                                    "feedback": (
                                        "Terlalu lama. Pembeli online ingin dijawab cepat dan "
                                        "bisa pindah ke penjual lain."
                                    ),
                                },
                                {
                                    "text": "Tidak perlu dibalas bila hanya bertanya harga.",
                                    "correct": False,
                                    "feedback": (
                                        "Pertanyaan harga tanda pembeli tertarik. Pakai balasan "
                                        "cepat seperti /harga supaya hemat waktu."
                                    ),
                                },
                            ],
                            "explanation": (
                                "Balas pesan dan komentar paling lambat di hari yang sama. "
                                "Komentar yang tidak enak dijawab dengan sopan, lalu selesaikan "
                                "lewat pesan pribadi."
                            ),
                        },
                    ),
                    (
                        "true_false",
                        {
                            "prompt": (
                                "Label di WhatsApp Business, misalnya pesanan baru, sudah bayar, "
                                "dan sudah dikirim, membantu supaya tidak ada pesanan yang "
                                "terlewat."
                            ),
                            "answer": "true",
                            "explanation": (
                                "Benar. Beri label pada setiap percakapan. Dengan begitu Anda "
                                "tahu pesanan mana yang belum dibayar atau belum dikirim."
                            ),
                        },
                    ),
                ],
            },
            # Minggu 3: Membuat konten promosi
            {
                "title": "Kuis Minggu 3",
                "intro": (
                    "Kuis singkat tentang foto produk dengan ponsel, video pendek, serta caption "
                    "dan tagar."
                ),
                "pass_mark": 70,
                "attempts_allowed": 3,
                "questions": [
                    (
                        "single_choice",
                        {
                            "prompt": (
                                "Anda akan memotret gudeg kaleng untuk dijual. Di mana tempat "
                                "memotret yang paling baik?"
                            ),
                            "choices": [
                                {
                                    "text": (
                                        "Di dekat jendela pada pagi atau sore hari, dengan cahaya "
                                        "alami."
                                    ),
                                    "correct": True,
                                    "feedback": (
                                        "Benar. Cahaya alami membuat warna terlihat asli."
                                    ),
                                },
                                {
                                    "text": "Di dalam kamar pada malam hari, memakai lampu kilat.",
                                    "correct": False,
                                    "feedback": (
                                        "Lampu kilat (flash) membuat bayangan keras dan warna "
                                        "pucat. Foto malam di bawah lampu juga sering gelap."
                                    ),
                                },
                                {
                                    "text": (
                                        "Di halaman saat matahari siang langsung mengenai produk."
                                    ),
                                    "correct": False,
                                    "feedback": (
                                        "Sinar yang terlalu keras kurang baik. Cari cahaya yang "
                                        "lembut, misalnya dari jendela yang ditutup kain tipis."
                                    ),
                                },
                            ],
                            "explanation": (
                                "Potret di dekat jendela pada pagi atau sore. Hindari lampu kilat. "
                                "Bila sinar terlalu keras, tutup jendela dengan kain putih tipis "
                                "atau kertas roti."
                            ),
                        },
                    ),
                    (
                        "multiple_choice",
                        {
                            "prompt": "Sudut foto mana yang tepat? (pilih semua yang benar)",
                            "choices": [
                                {
                                    "text": (
                                        "Dari atas untuk gudeg di besek atau makanan di piring."
                                    ),
                                    "correct": True,
                                    "feedback": "Benar. Isi besek terlihat semua.",
                                },
                                {
                                    "text": (
                                        "Miring sekitar 45 derajat untuk tumpukan bakpia atau "
                                        "minuman."
                                    ),
                                    "correct": True,
                                    "feedback": "Benar. Tinggi tumpukan dan gelas terlihat.",
                                },
                                {
                                    "text": "Dari dekat untuk ukiran perak atau isen-isen batik.",
                                    "correct": True,
                                    "feedback": "Benar. Pembeli ingin melihat detailnya.",
                                },
                                {
                                    "text": "Dari jauh dengan zoom digital supaya tetap tajam.",
                                    "correct": False,
                                    "feedback": (
                                        "Jangan memakai zoom digital. Lebih baik ponsel yang "
                                        "didekatkan ke produk."
                                    ),
                                },
                                {
                                    "text": (
                                        "Dari jauh supaya seluruh meja dan barang di sekitarnya "
                                        "ikut terlihat."
                                    ),
                                    "correct": False,
                                    "feedback": (
                                        "Barang lain membuat foto berantakan. Singkirkan kabel, "
                                        "plastik, dan barang yang tidak perlu."
                                    ),
                                },
                            ],
                            "partial_credit": False,
                            "explanation": (
                                "Dari atas untuk makanan di piring atau besek, miring 45 derajat "
                                "untuk minuman dan tumpukan bakpia, dari dekat untuk detail. "
                                "Aktifkan garis bantu (grid) di kamera."
                            ),
                        },
                    ),
                    (
                        "true_false",
                        {
                            "prompt": (
                                "Filter yang membuat warna batik lebih cerah dari aslinya "
                                "sebaiknya dipakai supaya foto lebih menarik."
                            ),
                            "answer": "false",
                            "explanation": (
                                "Salah. Jangan memakai filter yang mengubah warna produk. Bila "
                                "warna di foto berbeda dengan aslinya, pembeli bisa kecewa. Cukup "
                                "potong dan naikkan sedikit kecerahan."
                            ),
                        },
                    ),
                    (
                        "single_choice",
                        {
                            "prompt": "Video promosi pendek sebaiknya disusun dengan rumus apa?",
                            "choices": [
                                {
                                    "text": "Pembuka, isi, ajakan.",
                                    "correct": True,
                                    "feedback": (
                                        "Benar. Yang paling menarik di awal, satu pesan di isi, "
                                        "lalu ajakan yang jelas."
                                    ),
                                },
                                {
                                    "text": (
                                        "Perkenalan panjang, daftar semua produk, lalu salam "
                                        "penutup."
                                    ),
                                    "correct": False,
                                    "feedback": (
                                        "Terlalu panjang. Satu video cukup satu pesan, dan yang "
                                        "menarik ditaruh di awal."
                                    ),
                                },
                                {
                                    "text": "Musik selama setengah menit, baru produk di akhir.",
                                    "correct": False,
                                    "feedback": (
                                        "Penonton bisa keburu menggulir. Tunjukkan yang paling "
                                        "menarik di detik-detik pertama."
                                    ),
                                },
                            ],
                            "explanation": (
                                "Pembuka: bakpia hangat dibelah atau perak yang baru dipoles. "
                                "Isi: proses singkat atau keunggulan. Ajakan: "
                                '"Pesan lewat WhatsApp di profil kami."'
                            ),
                        },
                    ),
                    (
                        "multiple_choice",
                        {
                            "prompt": (
                                "Mana saja tips merekam video promosi yang benar? (pilih semua "
                                "yang benar)"
                            ),
                            "choices": [
                                {
                                    "text": (
                                        "Rekam tegak (vertikal), karena kebanyakan orang menonton "
                                        "dengan ponsel tegak."
                                    ),
                                    "correct": True,
                                    "feedback": "Benar.",
                                },
                                {
                                    "text": (
                                        "Tambahkan teks di layar, karena banyak orang menonton "
                                        "tanpa suara."
                                    ),
                                    "correct": True,
                                    "feedback": "Benar.",
                                },
                                {
                                    "text": (
                                        "Sandarkan ponsel pada tumpukan buku atau tripod supaya "
                                        "gambar tidak goyang."
                                    ),
                                    "correct": True,
                                    "feedback": "Benar.",
                                },
                                {
                                    "text": (
                                        "Pakai lagu dari luar aplikasi supaya beda dari yang lain."
                                    ),
                                    "correct": False,
                                    "feedback": (
                                        "Lagu dari sumber lain bisa membuat video dibisukan atau "
                                        "diturunkan karena hak cipta. Pakai musik dari dalam "
                                        "aplikasi."
                                    ),
                                },
                                {
                                    "text": "Buat video promosi minimal lima menit supaya lengkap.",
                                    "correct": False,
                                    "feedback": (
                                        "Untuk promosi, 15 sampai 60 detik biasanya sudah cukup."
                                    ),
                                },
                            ],
                            "partial_credit": True,
                            "explanation": (
                                "Rekam tegak, di tempat terang dan tidak bising, dengan ponsel "
                                "disandarkan. Tambahkan teks di layar, potong bagian yang "
                                "membosankan, dan pakai musik dari dalam aplikasi."
                            ),
                        },
                    ),
                    (
                        "single_choice",
                        {
                            "prompt": (
                                "Anda menjual bakpia di Jogja. Pilihan tagar mana yang paling baik?"
                            ),
                            "choices": [
                                {
                                    "text": "#bakpia #oleholehjogja #kulinerjogja #bakpiabusri",
                                    "correct": True,
                                    "feedback": (
                                        "Benar. Campuran tagar produk, lokasi, dan tagar khusus "
                                        "usaha."
                                    ),
                                },
                                {
                                    "text": (
                                        "Tiga puluh tagar populer apa saja, misalnya #artis dan "
                                        "#sepakbola."
                                    ),
                                    "correct": False,
                                    "feedback": (
                                        "Tagar yang tidak berhubungan dengan produk membuat "
                                        "unggahan terlihat seperti spam."
                                    ),
                                },
                                {
                                    "text": "Tidak perlu tagar, caption saja sudah cukup.",
                                    "correct": False,
                                    "feedback": (
                                        "Tagar membantu orang yang mencari topik tertentu "
                                        "menemukan unggahan Anda."
                                    ),
                                },
                            ],
                            "explanation": (
                                "Pilih tiga sampai lima tagar yang relevan dan campurkan: lokasi "
                                "(#jogja), produk (#bakpia), dan khusus usaha (#bakpiabusri)."
                            ),
                        },
                    ),
                    (
                        "true_false",
                        {
                            "prompt": (
                                "Kalimat pertama caption harus memikat, karena sering kali hanya "
                                'baris awal yang terlihat sebelum orang mengetuk "selengkapnya".'
                            ),
                            "answer": "true",
                            "explanation": (
                                "Benar. Setelah kalimat pembuka, tulis nama produk, isi atau "
                                "ukuran, harga, dan daya tahan. Tutup dengan cara pesan."
                            ),
                        },
                    ),
                ],
            },
            # Minggu 4: Promosi berbayar dan memantau hasil
            {
                "title": "Kuis Minggu 4",
                "intro": (
                    "Kuis singkat tentang iklan berbayar, anggaran iklan, dan cara membandingkan "
                    "hasil sebelum dan sesudah promosi. Siapkan kertas untuk berhitung."
                ),
                "pass_mark": 70,
                "attempts_allowed": 3,
                "questions": [
                    (
                        "single_choice",
                        {
                            "prompt": "Unggahan mana yang sebaiknya Anda iklankan lebih dulu?",
                            "choices": [
                                {
                                    "text": (
                                        "Unggahan yang sudah terbukti disukai, misalnya yang "
                                        "paling banyak disukai atau ditanyakan."
                                    ),
                                    "correct": True,
                                    "feedback": "Benar. Unggahan ini sudah terbukti menarik.",
                                },
                                {
                                    "text": "Unggahan terbaru, apa pun isinya.",
                                    "correct": False,
                                    "feedback": (
                                        "Yang baru belum tentu menarik. Pilih yang sudah terbukti "
                                        "disukai atau ditanyakan."
                                    ),
                                },
                                {
                                    "text": ("Unggahan yang paling sepi, supaya ikut ramai."),
                                    "correct": False,
                                    "feedback": (
                                        "Unggahan yang sepi belum tentu menarik walaupun "
                                        "diiklankan. Iklankan yang sudah terbukti disukai."
                                    ),
                                },
                            ],
                            "explanation": (
                                "Sebelum beriklan, pastikan juga profil lengkap, pesan WhatsApp "
                                "siap dibalas, dan stok cukup untuk pesanan tambahan."
                            ),
                        },
                    ),
                    (
                        "single_choice",
                        {
                            "prompt": (
                                "Bu Narti ingin mengiklankan gudeg basah. Lokasi pemirsa mana "
                                "yang paling masuk akal?"
                            ),
                            "choices": [
                                {
                                    "text": "Orang di sekitar Yogyakarta.",
                                    "correct": True,
                                    "feedback": (
                                        "Benar. Gudeg basah tidak tahan lama, jadi tujukan ke "
                                        "pembeli yang dekat."
                                    ),
                                },
                                {
                                    "text": "Seluruh Indonesia, supaya jangkauannya paling besar.",
                                    "correct": False,
                                    "feedback": (
                                        "Jangkauan besar percuma bila produknya tidak tahan "
                                        "dikirim jauh."
                                    ),
                                },
                                {
                                    "text": "Kota lain saja, karena warga Jogja sudah tahu gudeg.",
                                    "correct": False,
                                    "feedback": (
                                        "Gudeg basah tidak tahan dikirim ke kota lain. Pembeli "
                                        "terdekat justru paling mungkin memesan."
                                    ),
                                },
                            ],
                            "explanation": (
                                "Produk yang tidak tahan lama ditujukan ke sekitar Yogyakarta. "
                                "Produk yang mudah dikirim, seperti kaos batik, perak, atau kopi "
                                "bubuk, bisa ditujukan lebih luas."
                            ),
                        },
                    ),
                    (
                        "numeric",
                        {
                            "prompt": (
                                "Pak Joko mencoba iklan di TikTok dengan biaya Rp 50.000. Iklan "
                                "itu mendatangkan 4 pesan WhatsApp. Berapa biaya per pesan? Tulis "
                                "angkanya saja, tanpa titik."
                            ),
                            "answer": "12500",
                            "tolerance": "0",
                            "unit": "Rp",
                            "explanation": (
                                "Biaya per pesan = biaya iklan : jumlah pesan. Rp 50.000 : 4 = "
                                "Rp 12.500. Di Instagram, Rp 50.000 mendatangkan 12 pesan, sekitar "
                                "Rp 4.200 per pesan. Instagram lebih hemat untuk usaha Pak Joko."
                            ),
                        },
                    ),
                    (
                        "multiple_choice",
                        {
                            "prompt": (
                                "Mana saja langkah menyusun anggaran iklan yang benar? (pilih "
                                "semua yang benar)"
                            ),
                            "choices": [
                                {
                                    "text": (
                                        "Tetapkan batas total per bulan dari uang yang benar-benar "
                                        "bisa disisihkan."
                                    ),
                                    "correct": True,
                                    "feedback": "Benar. Tentukan di awal bulan.",
                                },
                                {
                                    "text": "Pakai sepertiga anggaran untuk uji coba dulu.",
                                    "correct": True,
                                    "feedback": (
                                        "Benar. Misalnya dua iklan kecil, satu di Instagram dan "
                                        "satu di TikTok."
                                    ),
                                },
                                {
                                    "text": (
                                        "Alihkan sisa anggaran ke iklan yang hasilnya paling baik."
                                    ),
                                    "correct": True,
                                    "feedback": "Benar. Iklan yang sepi dihentikan atau diganti.",
                                },
                                {
                                    "text": "Bila kurang, ambil dari uang belanja bahan baku.",
                                    "correct": False,
                                    "feedback": (
                                        "Jangan. Ambil dari uang yang bisa disisihkan, supaya "
                                        "promosi tidak menggerus modal usaha."
                                    ),
                                },
                                {
                                    "text": (
                                        "Habiskan semua anggaran di hari pertama supaya cepat "
                                        "ramai."
                                    ),
                                    "correct": False,
                                    "feedback": (
                                        "Jangan sekaligus. Mulai kecil, lihat hasilnya, lalu "
                                        "naikkan untuk iklan yang terbukti berhasil."
                                    ),
                                },
                            ],
                            "partial_credit": False,
                            "explanation": (
                                "Tetapkan batas total, bagi per platform, pakai sebagian untuk uji "
                                "coba, lalu alihkan sisanya ke iklan dengan biaya per pesan "
                                "paling kecil."
                            ),
                        },
                    ),
                    (
                        "true_false",
                        {
                            "prompt": "Jangkauan iklan yang besar pasti berarti penjualan naik.",
                            "answer": "false",
                            "explanation": (
                                "Salah. Jangkauan besar belum tentu berarti penjualan. Yang dicari "
                                "adalah pesan dan pesanan. Catat setiap hari: biaya, jangkauan, "
                                "pesan, dan pesanan."
                            ),
                        },
                    ),
                    (
                        "numeric",
                        {
                            "prompt": (
                                "Selama iklan, omzet Bu Ani, perajin perak Kotagede, naik Rp "
                                "1.500.000. Laba kotornya sekitar 30% dari harga jual. Biaya "
                                "iklannya Rp 250.000. Berapa tambahan laba setelah dikurangi "
                                "biaya iklan? Tulis angkanya saja, tanpa titik."
                            ),
                            "answer": "200000",
                            "tolerance": "0",
                            "unit": "Rp",
                            "explanation": (
                                "Tambahan laba kotor: 30% x Rp 1.500.000 = Rp 450.000. Dikurangi "
                                "biaya iklan: Rp 450.000 - Rp 250.000 = Rp 200.000. Iklan ini "
                                "menguntungkan."
                            ),
                        },
                    ),
                    (
                        "single_choice",
                        {
                            "prompt": "Kapan sebuah iklan disebut rugi?",
                            "choices": [
                                {
                                    "text": (
                                        "Bila tambahan laba lebih kecil dari biaya iklan, "
                                        "meskipun omzet naik."
                                    ),
                                    "correct": True,
                                    "feedback": "Benar. Hitung dengan laba, bukan omzet.",
                                },
                                {
                                    "text": "Bila omzet selama iklan naik sedikit saja.",
                                    "correct": False,
                                    "feedback": (
                                        "Yang menentukan bukan besarnya kenaikan omzet, tetapi "
                                        "tambahan laba dibandingkan biaya iklan."
                                    ),
                                },
                                {
                                    "text": "Bila ada pesanan dari pelanggan lama selama iklan.",
                                    "correct": False,
                                    "feedback": (
                                        "Pesanan pelanggan lama belum tentu karena iklan, tetapi "
                                        'tidak membuat iklan rugi. Tanyakan "tahu dari mana?".'
                                    ),
                                },
                            ],
                            "explanation": (
                                "Omzet naik belum tentu untung. Kurangi biaya bahan dan biaya "
                                "iklan dulu. Bila rugi, coba ganti konten, pemirsa, atau platform."
                            ),
                        },
                    ),
                ],
            },
        ],
        "knowledge": {
            "title": "Tes Pengetahuan Pemasaran Digital",
            "intro": (
                "Tes ini diisi dua kali: sebelum minggu pertama dan sesudah minggu keempat. "
                "Soalnya sama, supaya kita bisa melihat apa yang sudah Anda pelajari. Ini bukan "
                "ujian dan tidak ada nilai lulus. Bila belum tahu, pilih jawaban yang menurut Anda "
                "paling benar."
            ),
            "questions": [
                # Minggu 1
                (
                    "single_choice",
                    {
                        "prompt": (
                            "Apa modal utama untuk mulai berjualan lewat Instagram, TikTok, dan "
                            "WhatsApp Business?"
                        ),
                        "choices": [
                            {
                                "text": "Ponsel, kuota, dan waktu. Akunnya sendiri gratis.",
                                "correct": True,
                                "feedback": "Benar. Biaya awal jualan online kecil.",
                            },
                            {
                                "text": "Biaya pendaftaran akun bisnis setiap bulan.",
                                "correct": False,
                                "feedback": (
                                    "Akun Instagram, TikTok, dan WhatsApp Business gratis."
                                ),
                            },
                            {
                                "text": "Kamera profesional dan studio foto.",
                                "correct": False,
                                "feedback": (
                                    "Ponsel biasa sudah cukup, asalkan cahaya, latar, dan sudutnya "
                                    "diperhatikan."
                                ),
                            },
                            {
                                "text": "Toko besar di pinggir jalan raya.",
                                "correct": False,
                                "feedback": (
                                    "Usaha kecil pun bisa. Ponsel menjadi etalase kedua yang buka "
                                    "24 jam."
                                ),
                            },
                        ],
                        "explanation": (
                            "Akun Instagram, TikTok, dan WhatsApp Business gratis. Modal utamanya "
                            "ponsel, kuota, dan waktu, misalnya 30 menit sehari untuk mengurus "
                            "akun."
                        ),
                    },
                ),
                (
                    "true_false",
                    {
                        "prompt": (
                            "Untuk mulai jualan online, sebaiknya langsung membuka akun di semua "
                            "aplikasi sekaligus."
                        ),
                        "answer": "false",
                        "explanation": (
                            "Salah. Mulailah dari satu atau dua saluran yang paling cocok. Banyak "
                            "usaha mulai dari status WhatsApp, lalu menambah Instagram atau TikTok."
                        ),
                    },
                ),
                (
                    "single_choice",
                    {
                        "prompt": (
                            "Saluran mana yang paling cocok untuk menutup penjualan dan merawat "
                            "pelanggan?"
                        ),
                        "choices": [
                            {
                                "text": "WhatsApp Business",
                                "correct": True,
                                "feedback": (
                                    "Benar. Ada katalog, pesan salam otomatis, balasan cepat, dan "
                                    "label pesanan."
                                ),
                            },
                            {
                                "text": "TikTok",
                                "correct": False,
                                "feedback": (
                                    "TikTok paling cocok untuk dikenal pembeli baru lewat video "
                                    "proses dan cerita."
                                ),
                            },
                            {
                                "text": "Tagar di Instagram",
                                "correct": False,
                                "feedback": (
                                    "Tagar membantu unggahan ditemukan orang, bukan untuk "
                                    "melayani pesanan."
                                ),
                            },
                        ],
                        "explanation": (
                            "Satu saluran untuk dikenal (Instagram atau TikTok), satu untuk "
                            "transaksi (WhatsApp Business). Pasang tautan WhatsApp di bio."
                        ),
                    },
                ),
                # Minggu 2
                (
                    "single_choice",
                    {
                        "prompt": (
                            "Apa kelebihan akun bisnis (akun profesional) Instagram dibanding "
                            "akun pribadi?"
                        ),
                        "choices": [
                            {
                                "text": (
                                    "Ada tombol kontak, kategori usaha, data jangkauan, dan fitur "
                                    "iklan."
                                ),
                                "correct": True,
                                "feedback": "Benar.",
                            },
                            {
                                "text": "Unggahannya selalu tampil paling atas di semua akun.",
                                "correct": False,
                                "feedback": (
                                    "Tidak ada jaminan seperti itu. Yang didapat adalah tombol "
                                    "kontak, kategori, data jangkauan, dan fitur iklan."
                                ),
                            },
                            {
                                "text": "Iklannya gratis.",
                                "correct": False,
                                "feedback": "Fitur iklan tersedia, tetapi iklan tetap berbayar.",
                            },
                        ],
                        "explanation": (
                            "Akun profesional memberi tombol kontak, kategori usaha, data "
                            "jangkauan, dan fitur iklan. Data jangkauan dipakai untuk melihat "
                            "hasil unggahan dan iklan."
                        ),
                    },
                ),
                (
                    "true_false",
                    {
                        "prompt": "Autentikasi dua faktor membuat akun usaha lebih aman.",
                        "answer": "true",
                        "explanation": (
                            "Benar. Aktifkan autentikasi dua faktor, dan jangan pernah memberikan "
                            "kode OTP kepada siapa pun."
                        ),
                    },
                ),
                (
                    "multiple_choice",
                    {
                        "prompt": (
                            "Apa saja yang sebaiknya ditulis di bio? (pilih semua yang benar)"
                        ),
                        "choices": [
                            {
                                "text": "Apa yang dijual dan keunggulannya",
                                "correct": True,
                                "feedback": "Benar.",
                            },
                            {
                                "text": "Lokasi usaha",
                                "correct": True,
                                "feedback": "Benar. Misalnya Kotagede atau Gunungkidul.",
                            },
                            {
                                "text": "Cara pesan, misalnya lewat WhatsApp",
                                "correct": True,
                                "feedback": "Benar.",
                            },
                            {
                                "text": "Tagar sebanyak-banyaknya supaya cepat dikenal",
                                "correct": False,
                                "feedback": (
                                    "Bio hanya beberapa baris. Tagar yang tidak relevan justru "
                                    "terlihat seperti spam."
                                ),
                            },
                            {
                                "text": "Tulisan huruf kapital semua supaya menonjol",
                                "correct": False,
                                "feedback": "Huruf kapital semua terkesan berteriak.",
                            },
                        ],
                        "partial_credit": True,
                        "explanation": (
                            "Bio yang menjual berisi apa yang dijual, keunggulannya, lokasi, dan "
                            "cara pesan. Pendek dan jelas."
                        ),
                    },
                ),
                # Minggu 3
                (
                    "single_choice",
                    {
                        "prompt": (
                            "Foto produk Anda tampak pucat dan bayangannya keras. Apa penyebab "
                            "yang paling mungkin?"
                        ),
                        "choices": [
                            {
                                "text": "Memakai lampu kilat (flash).",
                                "correct": True,
                                "feedback": (
                                    "Benar. Flash membuat bayangan keras dan warna pucat."
                                ),
                            },
                            {
                                "text": "Memotret di dekat jendela pada pagi hari.",
                                "correct": False,
                                "feedback": (
                                    "Ini justru cara yang dianjurkan. Cahaya alami membuat warna "
                                    "terlihat asli."
                                ),
                            },
                            {
                                "text": "Memakai latar kain putih yang polos.",
                                "correct": False,
                                "feedback": "Latar polos justru membuat produk menonjol.",
                            },
                        ],
                        "explanation": (
                            "Pakai cahaya alami dari jendela pada pagi atau sore. Hindari lampu "
                            "kilat. Lap lensa sebelum memotret supaya foto tidak berkabut."
                        ),
                    },
                ),
                (
                    "true_false",
                    {
                        "prompt": (
                            "Untuk memotret detail ukiran perak, lebih baik memakai zoom digital "
                            "daripada mendekatkan ponsel."
                        ),
                        "answer": "false",
                        "explanation": (
                            "Salah. Jangan memakai zoom digital. Dekatkan ponsel ke produk, lalu "
                            "ketuk layar di bagian produk supaya fokusnya tepat."
                        ),
                    },
                ),
                (
                    "multiple_choice",
                    {
                        "prompt": (
                            "Apa saja yang sebaiknya ada di caption produk? (pilih semua yang "
                            "benar)"
                        ),
                        "choices": [
                            {
                                "text": "Kalimat pertama yang memikat",
                                "correct": True,
                                "feedback": "Benar. Sering hanya baris awal yang terlihat.",
                            },
                            {
                                "text": "Nama produk, isi atau ukuran, dan harga",
                                "correct": True,
                                "feedback": "Benar.",
                            },
                            {
                                "text": "Cara pesan, dan batas waktu bila ada promo",
                                "correct": True,
                                "feedback": "Benar.",
                            },
                            {
                                "text": "Tulisan huruf kapital semua supaya terbaca jelas",
                                "correct": False,
                                "feedback": (
                                    "Huruf kapital semua terkesan berteriak. Tulis seperti "
                                    "menyapa pembeli di toko."
                                ),
                            },
                            {
                                "text": "Sebanyak mungkin tagar, walaupun tidak berhubungan",
                                "correct": False,
                                "feedback": (
                                    "Pilih tiga sampai lima tagar yang relevan. Tagar yang tidak "
                                    "berhubungan terlihat seperti spam."
                                ),
                            },
                        ],
                        "partial_credit": False,
                        "explanation": (
                            "Caption yang baik menjawab pertanyaan pembeli sebelum mereka "
                            "bertanya: kalimat pembuka, informasi penting, lalu ajakan."
                        ),
                    },
                ),
                # Minggu 4
                (
                    "numeric",
                    {
                        "prompt": (
                            "Sebuah iklan menghabiskan Rp 60.000 dan mendatangkan 15 pesan. "
                            "Berapa biaya per pesan? Tulis angkanya saja, tanpa titik."
                        ),
                        "answer": "4000",
                        "tolerance": "0",
                        "unit": "Rp",
                        "explanation": (
                            "Biaya per pesan = biaya iklan : jumlah pesan = Rp 60.000 : 15 = "
                            "Rp 4.000. Iklan dengan biaya per pesan paling kecil adalah yang "
                            "paling hemat."
                        ),
                    },
                ),
                (
                    "numeric",
                    {
                        "prompt": (
                            "Anda memasang promosi dengan anggaran Rp 20.000 per hari selama 7 "
                            "hari. Berapa total biayanya? Tulis angkanya saja, tanpa titik."
                        ),
                        "answer": "140000",
                        "tolerance": "0",
                        "unit": "Rp",
                        "explanation": (
                            "Total biaya = anggaran per hari x jumlah hari = Rp 20.000 x 7 = "
                            "Rp 140.000. Saat memasang promosi, Anda menentukan anggaran per hari "
                            "dan durasinya."
                        ),
                    },
                ),
                (
                    "true_false",
                    {
                        "prompt": "Bila omzet naik selama iklan, iklan itu pasti menguntungkan.",
                        "answer": "false",
                        "explanation": (
                            "Salah. Hitung tambahan laba, lalu kurangi biaya iklan. Bila tambahan "
                            "laba lebih kecil dari biaya iklan, iklan itu rugi meskipun omzet naik."
                        ),
                    },
                ),
                (
                    "single_choice",
                    {
                        "prompt": (
                            "Anda ingin tahu apakah iklan berhasil. Masa mana yang sebaiknya "
                            "dibandingkan?"
                        ),
                        "choices": [
                            {
                                "text": (
                                    "Dua minggu sebelum iklan dengan dua minggu selama iklan, di "
                                    "masa yang setara."
                                ),
                                "correct": True,
                                "feedback": "Benar. Bandingkan masa yang setara.",
                            },
                            {
                                "text": "Minggu biasa sebelum iklan dengan minggu Lebaran.",
                                "correct": False,
                                "feedback": (
                                    "Lebaran dan libur sekolah memang ramai. Kenaikannya belum "
                                    "tentu karena iklan."
                                ),
                            },
                            {
                                "text": "Tidak perlu dibandingkan, cukup lihat jumlah suka.",
                                "correct": False,
                                "feedback": (
                                    "Berhasil atau tidaknya promosi hanya bisa dijawab dengan "
                                    "angka: pesan, pesanan, omzet, dan biaya iklan."
                                ),
                            },
                        ],
                        "explanation": (
                            "Catat jangkauan, kunjungan profil, pesan masuk, pesanan, omzet, dan "
                            "biaya iklan sebelum dan selama promosi, di masa yang setara."
                        ),
                    },
                ),
            ],
        },
        "survey": {
            "title": "Survei Kepuasan Peserta",
            "intro": (
                "Terima kasih sudah mengikuti kelas Pemasaran Digital. Jawaban Anda membantu kami "
                "memperbaiki program. Untuk setiap pernyataan, pilih 1 (sangat tidak setuju) "
                "sampai 5 (sangat setuju). Tidak ada jawaban benar atau salah."
            ),
            "items": [
                ("likert", {"prompt": "Tujuan dan alur program dijelaskan dengan jelas."}),
                ("likert", {"prompt": "Materi mudah dipahami."}),
                ("likert", {"prompt": "Contoh-contoh di materi cocok dengan usaha saya."}),
                ("likert", {"prompt": "Mentor menjawab pertanyaan saya dengan jelas."}),
                ("likert", {"prompt": "Video tips membantu saya memahami materi."}),
                (
                    "likert",
                    {"prompt": "Kuis di akhir setiap minggu membantu saya mengingat materi."},
                ),
                ("likert", {"prompt": "Materi kelas ini berguna untuk usaha saya."}),
                (
                    "likert",
                    {
                        "prompt": (
                            "Sekarang saya lebih percaya diri membuat foto, video, dan caption "
                            "untuk produk saya."
                        )
                    },
                ),
                (
                    "likert",
                    {"prompt": "Saya akan menerapkan yang saya pelajari di usaha saya."},
                ),
                (
                    "likert",
                    {"prompt": "Saya akan menyarankan kelas ini kepada pelaku UMKM lain."},
                ),
                (
                    "open_text",
                    {
                        "prompt": "Bagian mana yang paling membantu Anda? Ceritakan singkat.",
                        "required": False,
                    },
                ),
                (
                    "open_text",
                    {
                        "prompt": "Apa yang perlu kami perbaiki dari kelas ini?",
                        "required": False,
                    },
                ),
                (
                    "open_text",
                    {
                        "prompt": (
                            "Adakah perubahan di akun media sosial atau penjualan Anda sejak ikut "
                            "kelas ini? Misalnya jumlah pengikut, pesan masuk, atau pesanan per "
                            "minggu, sebelum dan sesudah kelas."
                        ),
                        "required": False,
                    },
                ),
                (
                    "open_text",
                    {
                        "prompt": "Topik apa yang ingin Anda pelajari berikutnya?",
                        "required": False,
                    },
                ),
            ],
        },
    },
    "pembiayaan-umkm": {
        "weeks": [
            # Minggu 1: Apa itu pembiayaan dan jenis-jenisnya
            {
                "title": "Kuis Minggu 1",
                "intro": (
                    "Kuis singkat tentang modal kerja dan investasi, jenis-jenis pembiayaan, serta "
                    "bunga flat dan bunga efektif. Siapkan kertas untuk berhitung."
                ),
                "pass_mark": 70,
                "attempts_allowed": 3,
                "questions": [
                    (
                        "single_choice",
                        {
                            "prompt": (
                                "Bu Narti meminjam uang untuk membeli nangka muda, telur, dan "
                                "ayam untuk gudeg minggu ini. Pinjaman ini untuk kebutuhan apa?"
                            ),
                            "choices": [
                                {
                                    "text": "Modal kerja",
                                    "correct": True,
                                    "feedback": (
                                        "Benar. Modal kerja dipakai untuk memutar usaha sehari-"
                                        "hari, seperti membeli bahan."
                                    ),
                                },
                                {
                                    "text": "Investasi",
                                    "correct": False,
                                    "feedback": (
                                        "Investasi untuk barang yang dipakai bertahun-tahun, "
                                        "seperti oven atau etalase. Bahan gudeg cepat habis."
                                    ),
                                },
                                {
                                    "text": "Kebutuhan konsumtif",
                                    "correct": False,
                                    "feedback": (
                                        "Bahan gudeg dipakai untuk berjualan dan menghasilkan "
                                        "uang, jadi bukan konsumtif."
                                    ),
                                },
                            ],
                            "explanation": (
                                "Ada dua kebutuhan utama: modal kerja untuk memutar usaha sehari-"
                                "hari, dan investasi untuk barang yang dipakai bertahun-tahun."
                            ),
                        },
                    ),
                    (
                        "multiple_choice",
                        {
                            "prompt": (
                                "Mana saja yang termasuk kebutuhan investasi? (pilih semua yang "
                                "benar)"
                            ),
                            "choices": [
                                {
                                    "text": "Oven bakpia",
                                    "correct": True,
                                    "feedback": "Benar. Oven dipakai bertahun-tahun.",
                                },
                                {
                                    "text": "Mesin sangrai kopi",
                                    "correct": True,
                                    "feedback": "Benar. Mesin dipakai bertahun-tahun.",
                                },
                                {
                                    "text": "Etalase toko",
                                    "correct": True,
                                    "feedback": "Benar. Etalase dipakai bertahun-tahun.",
                                },
                                {
                                    "text": "Kain dan malam untuk membatik bulan ini",
                                    "correct": False,
                                    "feedback": "Ini bahan yang cepat habis, jadi modal kerja.",
                                },
                                {
                                    "text": "Stok biji kopi menjelang musim liburan",
                                    "correct": False,
                                    "feedback": "Stok bahan termasuk modal kerja.",
                                },
                            ],
                            "partial_credit": True,
                            "explanation": (
                                "Investasi: barang yang dipakai bertahun-tahun, seperti oven "
                                "bakpia, mesin sangrai kopi, atau etalase. Bahan dan stok termasuk "
                                "modal kerja."
                            ),
                        },
                    ),
                    (
                        "true_false",
                        {
                            "prompt": (
                                "Meminjam di satu tempat untuk membayar utang di tempat lain "
                                "termasuk pinjaman yang sehat."
                            ),
                            "answer": "false",
                            "explanation": (
                                "Salah. Pinjaman berbahaya bila dipakai untuk kebutuhan konsumtif "
                                "atau untuk menutup utang lain. Utang bisa menumpuk dan usaha ikut "
                                "terancam."
                            ),
                        },
                    ),
                    (
                        "single_choice",
                        {
                            "prompt": "Apa itu Kredit Usaha Rakyat (KUR)?",
                            "choices": [
                                {
                                    "text": (
                                        "Program kredit pemerintah yang bunganya disubsidi, "
                                        "disalurkan lewat bank dan lembaga penyalur yang ditunjuk."
                                    ),
                                    "correct": True,
                                    "feedback": "Benar.",
                                },
                                {
                                    "text": (
                                        "Bantuan dari pemerintah yang tidak perlu dikembalikan."
                                    ),
                                    "correct": False,
                                    "feedback": (
                                        "Itu hibah. KUR adalah kredit, jadi harus dikembalikan "
                                        "dengan cicilan."
                                    ),
                                },
                                {
                                    "text": (
                                        "Pinjaman lewat aplikasi yang cair dalam hitungan menit."
                                    ),
                                    "correct": False,
                                    "feedback": (
                                        "KUR disalurkan lewat bank dan lembaga penyalur yang "
                                        "ditunjuk, bukan lewat aplikasi pinjaman."
                                    ),
                                },
                                {
                                    "text": "Pinjaman dengan jaminan perhiasan.",
                                    "correct": False,
                                    "feedback": "Itu gadai.",
                                },
                            ],
                            "explanation": (
                                "Untuk KUR Mikro, bunganya sekitar 6% per tahun efektif bagi "
                                "peminjam yang baru pertama kali. Ketentuannya bisa berubah, jadi "
                                "cek di bank penyalur."
                            ),
                        },
                    ),
                    (
                        "numeric",
                        {
                            "prompt": (
                                "Pak Darmo meminjam Rp 6.000.000 untuk panci, kompor, dan tabung "
                                "gas, selama 12 bulan dengan bunga flat 6% per tahun. Berapa total "
                                "bunganya? Tulis angkanya saja, tanpa titik."
                            ),
                            "answer": "360000",
                            "tolerance": "0",
                            "unit": "Rp",
                            "explanation": (
                                "Bunga flat dihitung dari pokok awal: 6% x Rp 6.000.000 = "
                                "Rp 360.000 untuk setahun, atau Rp 30.000 per bulan."
                            ),
                        },
                    ),
                    (
                        "single_choice",
                        {
                            "prompt": "Pada bunga efektif (anuitas), bunga dihitung dari apa?",
                            "choices": [
                                {
                                    "text": (
                                        "Dari sisa pokok yang belum dibayar, jadi bunganya makin "
                                        "kecil."
                                    ),
                                    "correct": True,
                                    "feedback": "Benar.",
                                },
                                {
                                    "text": "Dari pokok pinjaman awal, sama besar setiap bulan.",
                                    "correct": False,
                                    "feedback": "Itu cara bunga flat.",
                                },
                                {
                                    "text": "Dari laba usaha setiap bulan.",
                                    "correct": False,
                                    "feedback": (
                                        "Bunga dihitung dari utang, bukan dari laba. Bunga efektif "
                                        "dihitung dari sisa pokok."
                                    ),
                                },
                            ],
                            "explanation": (
                                "Karena utang makin kecil, bunga efektif juga makin kecil. Untuk "
                                "Rp 10.000.000 selama 12 bulan dengan bunga 6% per tahun, total "
                                "bunga efektif sekitar Rp 327.973, bunga flat Rp 600.000."
                            ),
                        },
                    ),
                    (
                        "true_false",
                        {
                            "prompt": "Bunga 1% per bulan sama dengan 12% per tahun.",
                            "answer": "true",
                            "explanation": (
                                "Benar. Kedengarannya kecil, tetapi hitung totalnya. Selalu "
                                "tanyakan: flat atau efektif, per bulan atau per tahun?"
                            ),
                        },
                    ),
                ],
            },
            # Minggu 2: Lembaga resmi dan pinjol ilegal
            {
                "title": "Kuis Minggu 2",
                "intro": (
                    "Kuis singkat tentang lembaga keuangan yang diawasi OJK, ciri-ciri pinjol "
                    "ilegal, dan langkah bila terlanjur meminjam."
                ),
                "pass_mark": 70,
                "attempts_allowed": 3,
                "questions": [
                    (
                        "single_choice",
                        {
                            "prompt": (
                                'Anda menerima SMS: "Butuh dana cepat? Cair 10 menit tanpa '
                                'jaminan, klik tautan ini." Apa yang sebaiknya dilakukan?'
                            ),
                            "choices": [
                                {
                                    "text": (
                                        "Jangan klik tautannya. Catat nama aplikasinya, lalu cek "
                                        "di ojk.go.id atau tanya Kontak OJK 157."
                                    ),
                                    "correct": True,
                                    "feedback": (
                                        "Benar. Satu menit memeriksa bisa menyelamatkan usaha."
                                    ),
                                },
                                {
                                    "text": "Klik tautannya dulu untuk melihat bunganya.",
                                    "correct": False,
                                    "feedback": (
                                        "Jangan klik tautan dari tawaran yang tidak Anda minta. "
                                        "Cek dulu namanya di daftar OJK."
                                    ),
                                },
                                {
                                    "text": "Langsung daftar karena cairnya cepat.",
                                    "correct": False,
                                    "feedback": (
                                        "Cair dalam hitungan menit tanpa pemeriksaan adalah tanda "
                                        "bahaya pinjol ilegal."
                                    ),
                                },
                            ],
                            "explanation": (
                                "Cocokkan nama aplikasi dan nama perusahaan dengan daftar di "
                                "ojk.go.id. Bila tidak ada di daftar, anggap ilegal. Kontak OJK: "
                                "telepon 157 atau WhatsApp 081 157 157 157."
                            ),
                        },
                    ),
                    (
                        "true_false",
                        {
                            "prompt": (
                                'Logo OJK atau tulisan "terdaftar di OJK" di iklan sudah cukup '
                                "membuktikan bahwa pinjaman itu resmi."
                            ),
                            "answer": "false",
                            "explanation": (
                                "Salah. Logo bisa dipalsukan. Yang berlaku hanya daftar di situs "
                                "resmi OJK atau jawaban dari Kontak OJK 157."
                            ),
                        },
                    ),
                    (
                        "multiple_choice",
                        {
                            "prompt": (
                                "Mana saja tanda bahaya pinjol ilegal? (pilih semua yang benar)"
                            ),
                            "choices": [
                                {
                                    "text": "Meminta akses ke kontak dan galeri foto di ponsel.",
                                    "correct": True,
                                    "feedback": "Benar. Ini tanda bahaya.",
                                },
                                {
                                    "text": (
                                        'Meminta Anda mentransfer "biaya pencairan" lebih dulu.'
                                    ),
                                    "correct": True,
                                    "feedback": "Benar. Ini hampir pasti penipuan.",
                                },
                                {
                                    "text": (
                                        "Nama perusahaan berbeda dengan nama aplikasi, dan tidak "
                                        "ada alamat kantor."
                                    ),
                                    "correct": True,
                                    "feedback": (
                                        "Benar. Identitas yang tidak jelas adalah tanda bahaya."
                                    ),
                                },
                                {
                                    "text": (
                                        "Menjelaskan bunga, biaya, dan tenor secara tertulis "
                                        "sebelum Anda setuju."
                                    ),
                                    "correct": False,
                                    "feedback": (
                                        "Ini justru hak Anda: penjelasan biaya yang jelas sebelum "
                                        "menandatangani."
                                    ),
                                },
                                {
                                    "text": "Hanya meminta akses kamera, mikrofon, dan lokasi.",
                                    "correct": False,
                                    "feedback": (
                                        "Ini yang boleh diminta pinjaman daring berizin, disingkat "
                                        '"CAMILAN".'
                                    ),
                                },
                            ],
                            "partial_credit": False,
                            "explanation": (
                                "Tanda bahaya lain: bunga dan biaya sangat tinggi atau tidak "
                                'jelas, tenor sangat pendek, menekan dengan "promo hari ini saja", '
                                "dan cair dalam hitungan menit tanpa pemeriksaan."
                            ),
                        },
                    ),
                    (
                        "single_choice",
                        {
                            "prompt": (
                                "Pinjaman daring berizin hanya boleh mengakses tiga hal di ponsel, "
                                'disingkat "CAMILAN". Apa saja?'
                            ),
                            "choices": [
                                {
                                    "text": "Kamera, mikrofon, dan lokasi",
                                    "correct": True,
                                    "feedback": "Benar. CA-MI-LAN.",
                                },
                                {
                                    "text": "Kamera, kontak, dan galeri",
                                    "correct": False,
                                    "feedback": (
                                        "Akses ke kontak dan galeri adalah tanda bahaya pinjol "
                                        "ilegal."
                                    ),
                                },
                                {
                                    "text": "Catatan, pesan, dan layanan telepon",
                                    "correct": False,
                                    "feedback": "Bukan. CAMILAN: kamera, mikrofon, lokasi.",
                                },
                            ],
                            "explanation": (
                                "Bila aplikasi meminta akses ke kontak, galeri foto, atau berkas "
                                "di ponsel, itu tanda bahaya. Jangan dipasang."
                            ),
                        },
                    ),
                    (
                        "single_choice",
                        {
                            "prompt": (
                                "Bu Wati terlanjur meminjam di pinjol ilegal dan mulai ditagih "
                                "dengan kasar. Apa langkah yang benar?"
                            ),
                            "choices": [
                                {
                                    "text": (
                                        "Berhenti menambah pinjaman, simpan bukti, lalu lapor ke "
                                        "Kontak OJK 157."
                                    ),
                                    "correct": True,
                                    "feedback": "Benar.",
                                },
                                {
                                    "text": (
                                        "Meminjam di aplikasi lain untuk menutup pinjaman lama."
                                    ),
                                    "correct": False,
                                    "feedback": "Utang akan berlipat. Berhenti menambah pinjaman.",
                                },
                                {
                                    "text": (
                                        "Menghapus semua pesan ancaman supaya tidak dilihat "
                                        "keluarga."
                                    ),
                                    "correct": False,
                                    "feedback": (
                                        "Pesan ancaman, bukti transfer, dan nomor penagih perlu "
                                        "disimpan sebagai bukti."
                                    ),
                                },
                                {
                                    "text": (
                                        "Menghadapinya sendirian tanpa bercerita kepada siapa pun."
                                    ),
                                    "correct": False,
                                    "feedback": (
                                        "Terjerat pinjol ilegal bukan aib. Beri tahu keluarga, dan "
                                        "ceritakan kepada mentor atau pendamping UMKM."
                                    ),
                                },
                            ],
                            "explanation": (
                                "Cabut juga izin aplikasi ke kontak dan galeri, ganti kata sandi, "
                                "dan beri tahu keluarga. Bila ada ancaman atau penyebaran data "
                                "pribadi, laporkan ke polisi dengan membawa bukti."
                            ),
                        },
                    ),
                    (
                        "true_false",
                        {
                            "prompt": (
                                "Pinjaman daring yang berizin OJK pasti lebih murah daripada "
                                "kredit bank."
                            ),
                            "answer": "false",
                            "explanation": (
                                "Salah. Berizin belum tentu murah. Biaya pinjaman daring yang "
                                "resmi pun bisa lebih tinggi daripada kredit bank. Bandingkan dulu "
                                "sebelum memilih."
                            ),
                        },
                    ),
                    (
                        "multiple_choice",
                        {
                            "prompt": (
                                "Anda ingin memastikan sebuah aplikasi pinjaman itu resmi. Apa "
                                "saja "
                                "yang perlu dicek? (pilih semua yang benar)"
                            ),
                            "choices": [
                                {
                                    "text": (
                                        "Nama aplikasinya ada di daftar pinjaman daring berizin "
                                        "di ojk.go.id."
                                    ),
                                    "correct": True,
                                    "feedback": "Benar.",
                                },
                                {
                                    "text": "Nama perusahaannya cocok dengan yang ada di daftar.",
                                    "correct": True,
                                    "feedback": (
                                        "Benar. Pinjol ilegal sering memakai nama yang mirip "
                                        "dengan yang resmi."
                                    ),
                                },
                                {
                                    "text": "Alamat kantor dan layanan pengaduannya jelas.",
                                    "correct": True,
                                    "feedback": "Benar.",
                                },
                                {
                                    "text": "Ada logo OJK di iklan atau di aplikasinya.",
                                    "correct": False,
                                    "feedback": (
                                        "Logo OJK bisa dipalsukan dan tidak membuktikan apa pun."
                                    ),
                                },
                            ],
                            "partial_credit": True,
                            "explanation": (
                                "Cek nama aplikasi dan nama perusahaan di daftar resmi OJK, "
                                "pastikan alamat dan layanan pengaduan jelas. Bila ragu, tanya "
                                "Kontak OJK 157."
                            ),
                        },
                    ),
                ],
            },
            # Minggu 3: Mengajukan kredit ke bank
            {
                "title": "Kuis Minggu 3",
                "intro": (
                    "Kuis singkat tentang penilaian bank, simulasi cicilan, dan langkah pengajuan "
                    "kredit. Siapkan kertas untuk berhitung."
                ),
                "pass_mark": 70,
                "attempts_allowed": 3,
                "questions": [
                    (
                        "single_choice",
                        {
                            "prompt": (
                                "Bank ingin tahu apakah arus kas usaha Anda cukup untuk membayar "
                                "cicilan. Dalam prinsip 5C, ini disebut apa?"
                            ),
                            "choices": [
                                {
                                    "text": "Capacity (kemampuan bayar)",
                                    "correct": True,
                                    "feedback": (
                                        "Benar. Di sinilah catatan keuangan sangat menolong."
                                    ),
                                },
                                {
                                    "text": "Character (watak)",
                                    "correct": False,
                                    "feedback": (
                                        "Character menilai kejujuran dan riwayat pembayaran, "
                                        "lewat SLIK OJK."
                                    ),
                                },
                                {
                                    "text": "Collateral (jaminan)",
                                    "correct": False,
                                    "feedback": (
                                        "Collateral adalah harta yang bisa dijadikan agunan."
                                    ),
                                },
                                {
                                    "text": "Condition (kondisi)",
                                    "correct": False,
                                    "feedback": "Condition melihat keadaan pasar dan usaha.",
                                },
                            ],
                            "explanation": (
                                "5C: Character, Capacity, Capital, Collateral, Condition. Yang "
                                "dinilai bukan besar kecilnya usaha, tetapi apakah usaha layak dan "
                                "cicilannya sanggup dibayar."
                            ),
                        },
                    ),
                    (
                        "single_choice",
                        {
                            "prompt": (
                                "Bank Indonesia menyusun pola pembiayaan (lending model) untuk "
                                "berbagai komoditas usaha kecil. Apa isinya?"
                            ),
                            "choices": [
                                {
                                    "text": (
                                        "Gambaran satu jenis usaha: kebutuhan modal, perkiraan "
                                        "biaya dan pendapatan, aspek pasar dan teknis, serta "
                                        "risikonya."
                                    ),
                                    "correct": True,
                                    "feedback": "Benar.",
                                },
                                {
                                    "text": "Daftar aplikasi pinjaman daring yang berizin.",
                                    "correct": False,
                                    "feedback": "Daftar itu ada di situs OJK, ojk.go.id.",
                                },
                                {
                                    "text": "Riwayat cicilan setiap peminjam.",
                                    "correct": False,
                                    "feedback": "Riwayat kredit ada di SLIK OJK.",
                                },
                            ],
                            "explanation": (
                                "Bank memakainya sebagai acuan menilai usaha sejenis. Anda bisa "
                                "memakainya untuk menyusun rencana usaha. Cari di bi.go.id dengan "
                                'kata kunci "pola pembiayaan".'
                            ),
                        },
                    ),
                    (
                        "numeric",
                        {
                            "prompt": (
                                "Pak Harjo, penjual bakpia di Pathuk, punya laba bersih Rp "
                                "2.400.000 per bulan. Menurut pegangan di materi, berapa cicilan "
                                "per bulan paling tinggi yang masih aman? Tulis angkanya saja, "
                                "tanpa titik."
                            ),
                            "answer": "800000",
                            "tolerance": "0",
                            "unit": "Rp",
                            "explanation": (
                                "Usahakan cicilan tidak lebih dari sepertiga laba bersih bulanan: "
                                "Rp 2.400.000 : 3 = Rp 800.000. Sisanya menjadi cadangan saat "
                                "penjualan sepi."
                            ),
                        },
                    ),
                    (
                        "numeric",
                        {
                            "prompt": (
                                "Simulasi: pinjaman Rp 10.000.000, tenor 12 bulan, bunga flat 6% "
                                "per tahun. Berapa cicilan per bulan? Bulatkan ke rupiah terdekat, "
                                "tulis angkanya saja, tanpa titik."
                            ),
                            "answer": "883333",
                            "tolerance": "1",
                            "unit": "Rp",
                            "explanation": (
                                "Pokok per bulan: Rp 10.000.000 : 12 = Rp 833.333. Bunga per "
                                "bulan: "
                                "6% x Rp 10.000.000 : 12 = Rp 50.000. Cicilan sekitar Rp 883.333. "
                                "Dengan bunga efektif 6%, cicilannya sekitar Rp 860.664."
                            ),
                        },
                    ),
                    (
                        "multiple_choice",
                        {
                            "prompt": (
                                "Dokumen apa saja yang biasanya diserahkan saat mengajukan kredit "
                                "ke bank? (pilih semua yang benar)"
                            ),
                            "choices": [
                                {
                                    "text": (
                                        "KTP (dan KTP pasangan bila sudah menikah) serta Kartu "
                                        "Keluarga"
                                    ),
                                    "correct": True,
                                    "feedback": "Benar.",
                                },
                                {
                                    "text": "NIB atau surat keterangan usaha",
                                    "correct": True,
                                    "feedback": (
                                        "Benar. NIB bisa diurus sendiri tanpa biaya di oss.go.id."
                                    ),
                                },
                                {
                                    "text": (
                                        "Rekening koran atau mutasi rekening tiga bulan terakhir"
                                    ),
                                    "correct": True,
                                    "feedback": "Benar.",
                                },
                                {
                                    "text": 'Bukti transfer "biaya pencairan" ke petugas',
                                    "correct": False,
                                    "feedback": (
                                        "Lembaga resmi tidak pernah meminta Anda mentransfer uang "
                                        "lebih dulu supaya pinjaman cair."
                                    ),
                                },
                            ],
                            "partial_credit": True,
                            "explanation": (
                                "Siapkan juga catatan keuangan sederhana (kas harian dan laba "
                                "rugi) serta foto tempat usaha dan produk."
                            ),
                        },
                    ),
                    (
                        "true_false",
                        {
                            "prompt": (
                                "Saat survei lokasi, petugas bank mencari tempat usaha yang mewah."
                            ),
                            "answer": "false",
                            "explanation": (
                                "Salah. Petugas ingin yakin usaha benar-benar berjalan. Jawab "
                                "dengan jujur, tunjukkan buku catatan dan nota, dan biarkan "
                                "petugas melihat proses produksi."
                            ),
                        },
                    ),
                    (
                        "single_choice",
                        {
                            "prompt": "Apa akibat memilih tenor (jangka waktu) yang lebih panjang?",
                            "choices": [
                                {
                                    "text": (
                                        "Cicilan per bulan lebih kecil, tetapi total bunganya "
                                        "lebih besar."
                                    ),
                                    "correct": True,
                                    "feedback": "Benar.",
                                },
                                {
                                    "text": (
                                        "Cicilan lebih kecil, dan total bunga juga lebih kecil."
                                    ),
                                    "correct": False,
                                    "feedback": (
                                        "Cicilan memang lebih kecil, tetapi Anda membayar bunga "
                                        "lebih lama, jadi totalnya lebih besar."
                                    ),
                                },
                                {
                                    "text": "Cicilan lebih besar, tetapi total bunga lebih kecil.",
                                    "correct": False,
                                    "feedback": "Itu akibat tenor yang lebih pendek.",
                                },
                            ],
                            "explanation": (
                                "Bandingkan tenor 12, 24, dan 36 bulan. Pilih tenor terpendek "
                                "yang cicilannya masih nyaman."
                            ),
                        },
                    ),
                    (
                        "true_false",
                        {
                            "prompt": (
                                "Bila berkas pengajuan dikembalikan, sebaiknya tanyakan alasannya, "
                                "perbaiki, lalu ajukan lagi."
                            ),
                            "answer": "true",
                            "explanation": (
                                "Benar. Alasannya bisa dokumen kurang, catatan keuangan belum "
                                "meyakinkan, atau masalah riwayat kredit. Jangan lari ke pinjol "
                                "ilegal karena terburu-buru."
                            ),
                        },
                    ),
                ],
            },
            # Minggu 4: Pencatatan keuangan sederhana
            {
                "title": "Kuis Minggu 4",
                "intro": (
                    "Kuis singkat tentang memisahkan uang usaha dan pribadi, buku kas harian, dan "
                    "laporan laba rugi. Siapkan kertas untuk berhitung."
                ),
                "pass_mark": 70,
                "attempts_allowed": 3,
                "questions": [
                    (
                        "single_choice",
                        {
                            "prompt": (
                                "Bu Narti perlu uang dari usahanya untuk kebutuhan rumah setiap "
                                "bulan. Cara mana yang dianjurkan?"
                            ),
                            "choices": [
                                {
                                    "text": (
                                        "Menentukan gaji tetap untuk diri sendiri, misalnya "
                                        "Rp 3.000.000 per bulan, dan mencatatnya sebagai biaya "
                                        "usaha."
                                    ),
                                    "correct": True,
                                    "feedback": "Benar.",
                                },
                                {
                                    "text": "Mengambil dari laci kapan saja perlu, tanpa dicatat.",
                                    "correct": False,
                                    "feedback": (
                                        "Uang usaha dan rumah tangga jadi bercampur, dan Anda "
                                        "tidak tahu usaha untung atau rugi."
                                    ),
                                },
                                {
                                    "text": "Memakai uang belanja bahan, lalu menggantinya nanti.",
                                    "correct": False,
                                    "feedback": (
                                        "Akibatnya uang kurang saat harus membeli bahan. Pisahkan "
                                        "uang usaha dan uang pribadi."
                                    ),
                                },
                            ],
                            "explanation": (
                                "Pisahkan tempatnya (dompet, laci, atau rekening khusus usaha), "
                                "gaji diri sendiri dengan jumlah tetap, dan catat setiap "
                                'pengambilan lain sebagai "pengambilan pribadi".'
                            ),
                        },
                    ),
                    (
                        "true_false",
                        {
                            "prompt": (
                                "Bakpia yang dibawa untuk arisan keluarga tidak perlu dicatat "
                                "karena tidak dijual."
                            ),
                            "answer": "false",
                            "explanation": (
                                "Salah. Produk yang dipakai sendiri juga dicatat, supaya Anda tahu "
                                "ke mana barang dan uang usaha pergi."
                            ),
                        },
                    ),
                    (
                        "single_choice",
                        {
                            "prompt": "Buku kas harian sebaiknya punya kolom apa saja?",
                            "choices": [
                                {
                                    "text": "Tanggal, keterangan, kas masuk, kas keluar, dan saldo",
                                    "correct": True,
                                    "feedback": "Benar. Lima kolom ini sudah cukup.",
                                },
                                {
                                    "text": "Nama pembeli dan nomor WhatsApp-nya saja",
                                    "correct": False,
                                    "feedback": (
                                        "Itu daftar pelanggan. Buku kas mencatat semua uang yang "
                                        "masuk dan keluar."
                                    ),
                                },
                                {
                                    "text": "Pendapatan, HPP, dan laba bersih",
                                    "correct": False,
                                    "feedback": (
                                        "Itu susunan laporan laba rugi bulanan, bukan buku kas "
                                        "harian."
                                    ),
                                },
                            ],
                            "explanation": (
                                "Catat saat transaksi terjadi, atau paling lambat setiap malam. "
                                "Penjualan lewat transfer atau QRIS juga dicatat sebagai kas masuk."
                            ),
                        },
                    ),
                    (
                        "numeric",
                        {
                            "prompt": (
                                "Pagi ini saldo awal di laci warung kopi Pak Slamet Rp 500.000. Ia "
                                "belanja biji kopi Rp 300.000, lalu menjual kopi Rp 750.000, lalu "
                                "membeli gula dan gas Rp 50.000. Berapa saldo akhirnya? Tulis "
                                "angkanya saja, tanpa titik."
                            ),
                            "answer": "900000",
                            "tolerance": "0",
                            "unit": "Rp",
                            "explanation": (
                                "Rp 500.000 - Rp 300.000 = Rp 200.000. Ditambah Rp 750.000 = "
                                "Rp 950.000. Dikurangi Rp 50.000 = Rp 900.000. Saldo akhir di "
                                "buku harus sama dengan uang di laci."
                            ),
                        },
                    ),
                    (
                        "numeric",
                        {
                            "prompt": (
                                "Dalam sebulan, warung gudeg Bu Narti punya pendapatan "
                                "Rp 28.000.000, HPP (bahan baku) Rp 16.000.000, dan biaya "
                                "operasional Rp 9.000.000. Berapa laba bersihnya? Tulis angkanya "
                                "saja, tanpa titik."
                            ),
                            "answer": "3000000",
                            "tolerance": "0",
                            "unit": "Rp",
                            "explanation": (
                                "Laba kotor = pendapatan - HPP = Rp 28.000.000 - Rp 16.000.000 = "
                                "Rp 12.000.000. Laba bersih = laba kotor - biaya operasional = "
                                "Rp 12.000.000 - Rp 9.000.000 = Rp 3.000.000."
                            ),
                        },
                    ),
                    (
                        "multiple_choice",
                        {
                            "prompt": (
                                "Mana saja yang dicatat sebagai biaya operasional di laporan laba "
                                "rugi? (pilih semua yang benar)"
                            ),
                            "choices": [
                                {
                                    "text": "Upah pembantu",
                                    "correct": True,
                                    "feedback": "Benar.",
                                },
                                {
                                    "text": "Gaji pemilik yang sudah ditetapkan",
                                    "correct": True,
                                    "feedback": "Benar. Gaji pemilik termasuk biaya usaha.",
                                },
                                {
                                    "text": "Gas, listrik, dan kemasan",
                                    "correct": True,
                                    "feedback": "Benar.",
                                },
                                {
                                    "text": "Bagian pokok dari cicilan pinjaman",
                                    "correct": False,
                                    "feedback": (
                                        "Bagian pokok adalah pengembalian utang. Hanya bagian "
                                        "bunganya yang termasuk biaya."
                                    ),
                                },
                                {
                                    "text": "Uang untuk belanja dapur di luar gaji pemilik",
                                    "correct": False,
                                    "feedback": (
                                        "Pengambilan pribadi di luar gaji pemilik bukan biaya "
                                        "usaha."
                                    ),
                                },
                            ],
                            "partial_credit": False,
                            "explanation": (
                                "Biaya operasional: upah, gaji pemilik, gas, listrik, kemasan, "
                                "sewa, transportasi, promosi. Alat yang dipakai bertahun-tahun, "
                                "seperti kompor baru, jangan dimasukkan seluruhnya di satu bulan."
                            ),
                        },
                    ),
                    (
                        "true_false",
                        {
                            "prompt": "Saldo kas yang banyak selalu berarti usaha sedang untung.",
                            "answer": "false",
                            "explanation": (
                                "Salah. Kas bisa banyak karena baru menerima uang muka pesanan. "
                                "Sebaliknya, usaha yang untung bisa kekurangan kas bila banyak "
                                "pembeli belum membayar. Buat buku kas dan laporan laba rugi."
                            ),
                        },
                    ),
                ],
            },
        ],
        "knowledge": {
            "title": "Tes Pengetahuan Pembiayaan UMKM",
            "intro": (
                "Tes ini diisi dua kali: sebelum minggu pertama dan sesudah minggu keempat. "
                "Soalnya sama, supaya kita bisa melihat apa yang sudah Anda pelajari. Ini bukan "
                "ujian dan tidak ada nilai lulus. Bila belum tahu, pilih jawaban yang menurut Anda "
                "paling benar."
            ),
            "questions": [
                # Minggu 1
                (
                    "single_choice",
                    {
                        "prompt": (
                            "Pak Joko ingin meminjam untuk membeli mesin sangrai kopi yang akan "
                            "dipakai bertahun-tahun. Pinjaman ini untuk kebutuhan apa?"
                        ),
                        "choices": [
                            {
                                "text": "Investasi",
                                "correct": True,
                                "feedback": "Benar. Mesin dipakai bertahun-tahun.",
                            },
                            {
                                "text": "Modal kerja",
                                "correct": False,
                                "feedback": (
                                    "Modal kerja untuk memutar usaha sehari-hari, misalnya membeli "
                                    "stok biji kopi."
                                ),
                            },
                            {
                                "text": "Kebutuhan konsumtif",
                                "correct": False,
                                "feedback": "Mesin sangrai dipakai untuk menghasilkan uang.",
                            },
                        ],
                        "explanation": (
                            "Investasi untuk barang yang dipakai bertahun-tahun: oven bakpia, "
                            "mesin sangrai kopi, etalase toko. Modal kerja untuk bahan dan stok."
                        ),
                    },
                ),
                (
                    "true_false",
                    {
                        "prompt": (
                            "Sebaiknya meminjam lebih besar dari kebutuhan, sekalian untuk "
                            "jaga-jaga."
                        ),
                        "answer": "false",
                        "explanation": (
                            "Salah. Pinjamlah secukupnya. Sisa uang yang tidak punya rencana "
                            "biasanya habis untuk hal lain, sementara cicilannya tetap harus "
                            "dibayar."
                        ),
                    },
                ),
                (
                    "numeric",
                    {
                        "prompt": (
                            "Anda meminjam Rp 10.000.000 selama 12 bulan dengan bunga flat 6% per "
                            "tahun. Berapa total bunganya? Tulis angkanya saja, tanpa titik."
                        ),
                        "answer": "600000",
                        "tolerance": "0",
                        "unit": "Rp",
                        "explanation": (
                            "Bunga flat dihitung dari pokok awal: 6% x Rp 10.000.000 = Rp 600.000 "
                            "setahun, atau Rp 50.000 per bulan."
                        ),
                    },
                ),
                (
                    "single_choice",
                    {
                        "prompt": (
                            "Pinjaman Rp 10.000.000 selama 12 bulan dengan bunga 6% per tahun. "
                            "Cara hitung mana yang total bunganya lebih kecil?"
                        ),
                        "choices": [
                            {
                                "text": "Bunga efektif (anuitas)",
                                "correct": True,
                                "feedback": (
                                    "Benar. Total bunganya sekitar Rp 327.973, sedangkan bunga "
                                    "flat Rp 600.000."
                                ),
                            },
                            {
                                "text": "Bunga flat",
                                "correct": False,
                                "feedback": (
                                    "Bunga flat dihitung dari pokok awal terus, walaupun utang "
                                    "sudah berkurang. Totalnya Rp 600.000."
                                ),
                            },
                            {
                                "text": "Sama saja, karena angka bunganya sama",
                                "correct": False,
                                "feedback": (
                                    "Angka bunga yang sama bisa berbeda jauh biayanya. Yang "
                                    "membedakan adalah cara menghitungnya."
                                ),
                            },
                        ],
                        "explanation": (
                            "Bunga efektif dihitung dari sisa pokok, jadi makin kecil setiap "
                            "bulan. Selalu tanyakan: flat atau efektif, per bulan atau per tahun?"
                        ),
                    },
                ),
                # Minggu 2
                (
                    "single_choice",
                    {
                        "prompt": (
                            "Bagaimana cara paling tepat memastikan pemberi pinjaman berizin OJK?"
                        ),
                        "choices": [
                            {
                                "text": (
                                    "Cek daftar di situs resmi ojk.go.id, atau tanya Kontak OJK "
                                    "157."
                                ),
                                "correct": True,
                                "feedback": "Benar.",
                            },
                            {
                                "text": "Melihat logo OJK di iklannya.",
                                "correct": False,
                                "feedback": "Logo OJK bisa dipalsukan.",
                            },
                            {
                                "text": "Bertanya langsung kepada penagih atau agennya.",
                                "correct": False,
                                "feedback": (
                                    "Jawaban mereka tidak bisa dipegang. Yang berlaku hanya daftar "
                                    "resmi OJK."
                                ),
                            },
                        ],
                        "explanation": (
                            "Cocokkan nama aplikasi dan nama perusahaan dengan daftar di "
                            "ojk.go.id. Kontak OJK: telepon 157 atau WhatsApp 081 157 157 157."
                        ),
                    },
                ),
                (
                    "multiple_choice",
                    {
                        "prompt": "Mana saja tanda bahaya pinjol ilegal? (pilih semua yang benar)",
                        "choices": [
                            {
                                "text": "Meminta akses ke kontak dan galeri foto",
                                "correct": True,
                                "feedback": "Benar.",
                            },
                            {
                                "text": 'Meminta transfer "biaya pencairan" lebih dulu',
                                "correct": True,
                                "feedback": "Benar. Ini hampir pasti penipuan.",
                            },
                            {
                                "text": "Cair dalam hitungan menit tanpa pemeriksaan apa pun",
                                "correct": True,
                                "feedback": "Benar. Terlalu mudah adalah tanda bahaya.",
                            },
                            {
                                "text": "Memberi salinan perjanjian dan tabel angsuran",
                                "correct": False,
                                "feedback": ("Ini justru hak Anda sebagai nasabah lembaga resmi."),
                            },
                            {
                                "text": "Punya alamat kantor dan layanan pengaduan yang jelas",
                                "correct": False,
                                "feedback": "Ini ciri lembaga yang jelas identitasnya.",
                            },
                        ],
                        "partial_credit": True,
                        "explanation": (
                            "Pinjaman daring berizin hanya boleh mengakses kamera, mikrofon, dan "
                            'lokasi ("CAMILAN"). Lembaga resmi tidak pernah meminta transfer '
                            "lebih dulu supaya pinjaman cair."
                        ),
                    },
                ),
                (
                    "true_false",
                    {
                        "prompt": (
                            "Bila terlanjur terjerat pinjol ilegal, meminjam di aplikasi lain "
                            "untuk "
                            "menutupnya adalah jalan keluar yang baik."
                        ),
                        "answer": "false",
                        "explanation": (
                            "Salah. Utang akan berlipat. Berhenti menambah pinjaman, simpan bukti, "
                            "dan laporkan ke Kontak OJK 157."
                        ),
                    },
                ),
                # Minggu 3
                (
                    "single_choice",
                    {
                        "prompt": (
                            "Bank memeriksa kejujuran dan riwayat pembayaran Anda lewat SLIK OJK. "
                            "Dalam prinsip 5C, ini disebut apa?"
                        ),
                        "choices": [
                            {
                                "text": "Character (watak)",
                                "correct": True,
                                "feedback": "Benar.",
                            },
                            {
                                "text": "Capital (modal)",
                                "correct": False,
                                "feedback": (
                                    "Capital adalah modal Anda sendiri yang sudah tertanam di "
                                    "usaha."
                                ),
                            },
                            {
                                "text": "Condition (kondisi)",
                                "correct": False,
                                "feedback": "Condition melihat keadaan pasar dan usaha.",
                            },
                        ],
                        "explanation": (
                            "Cicilan lama yang pernah macet, termasuk kredit kendaraan atau kartu "
                            "kredit, bisa memengaruhi penilaian bank. Anda bisa meminta informasi "
                            "SLIK atas nama sendiri ke OJK tanpa biaya."
                        ),
                    },
                ),
                (
                    "numeric",
                    {
                        "prompt": (
                            "Laba bersih usaha Anda Rp 3.600.000 per bulan. Bila cicilan "
                            "diusahakan tidak lebih dari sepertiga laba bersih, berapa cicilan "
                            "paling tinggi per bulan? Tulis angkanya saja, tanpa titik."
                        ),
                        "answer": "1200000",
                        "tolerance": "0",
                        "unit": "Rp",
                        "explanation": (
                            "Rp 3.600.000 : 3 = Rp 1.200.000. Sisanya menjadi cadangan saat "
                            "penjualan sepi. Bank juga menghitung kemampuan bayar dengan caranya "
                            "sendiri."
                        ),
                    },
                ),
                (
                    "true_false",
                    {
                        "prompt": "Tenor yang lebih panjang membuat total bunga lebih kecil.",
                        "answer": "false",
                        "explanation": (
                            "Salah. Tenor panjang membuat cicilan per bulan kecil, tetapi total "
                            "bunganya lebih besar. Pilih tenor terpendek yang cicilannya masih "
                            "nyaman."
                        ),
                    },
                ),
                # Minggu 4
                (
                    "single_choice",
                    {
                        "prompt": (
                            "Warung kopi Pak Slamet ramai, tetapi uangnya selalu habis sebelum "
                            "belanja biji kopi berikutnya. Langkah pertama apa yang paling "
                            "membantu?"
                        ),
                        "choices": [
                            {
                                "text": (
                                    "Memisahkan uang usaha dan uang pribadi, lalu mencatat setiap "
                                    "pengambilan."
                                ),
                                "correct": True,
                                "feedback": (
                                    "Benar. Sering kali usahanya untung, yang bocor pencatatannya."
                                ),
                            },
                            {
                                "text": "Meminjam lewat aplikasi supaya bisa belanja biji kopi.",
                                "correct": False,
                                "feedback": (
                                    "Masalahnya belum ketahuan. Meminjam sebelum tahu ke mana uang "
                                    "pergi bisa menambah beban."
                                ),
                            },
                            {
                                "text": "Membeli aplikasi keuangan yang paling canggih.",
                                "correct": False,
                                "feedback": (
                                    "Yang penting bukan alatnya, tetapi kebiasaan mencatat setiap "
                                    "hari. Buku tulis sudah cukup."
                                ),
                            },
                        ],
                        "explanation": (
                            "Pakai dompet atau laci khusus usaha, tentukan gaji tetap untuk diri "
                            "sendiri, dan catat setiap pengambilan pribadi."
                        ),
                    },
                ),
                (
                    "numeric",
                    {
                        "prompt": (
                            "Usaha bakpia dalam sebulan: pendapatan Rp 15.000.000, HPP (bahan "
                            "baku) Rp 8.000.000, biaya operasional Rp 4.500.000. Berapa laba "
                            "bersihnya? Tulis angkanya saja, tanpa titik."
                        ),
                        "answer": "2500000",
                        "tolerance": "0",
                        "unit": "Rp",
                        "explanation": (
                            "Laba kotor = Rp 15.000.000 - Rp 8.000.000 = Rp 7.000.000. Laba bersih "
                            "= Rp 7.000.000 - Rp 4.500.000 = Rp 2.500.000."
                        ),
                    },
                ),
                (
                    "true_false",
                    {
                        "prompt": (
                            "Seluruh cicilan pinjaman, pokok dan bunganya, dicatat sebagai biaya "
                            "di laporan laba rugi."
                        ),
                        "answer": "false",
                        "explanation": (
                            "Salah. Hanya bagian bunganya yang termasuk biaya. Bagian pokoknya "
                            "adalah pengembalian utang."
                        ),
                    },
                ),
            ],
        },
        "survey": {
            "title": "Survei Kepuasan Peserta",
            "intro": (
                "Terima kasih sudah mengikuti kelas Pembiayaan untuk UMKM. Jawaban Anda membantu "
                "kami memperbaiki program. Untuk setiap pernyataan, pilih 1 (sangat tidak setuju) "
                "sampai 5 (sangat setuju). Tidak ada jawaban benar atau salah."
            ),
            "items": [
                ("likert", {"prompt": "Tujuan dan alur program dijelaskan dengan jelas."}),
                ("likert", {"prompt": "Materi mudah dipahami."}),
                ("likert", {"prompt": "Contoh-contoh di materi cocok dengan usaha saya."}),
                ("likert", {"prompt": "Mentor menjawab pertanyaan saya dengan jelas."}),
                ("likert", {"prompt": "Video tips membantu saya memahami materi."}),
                (
                    "likert",
                    {"prompt": "Kuis di akhir setiap minggu membantu saya mengingat materi."},
                ),
                ("likert", {"prompt": "Materi kelas ini berguna untuk usaha saya."}),
                (
                    "likert",
                    {
                        "prompt": (
                            "Sekarang saya bisa membedakan lembaga keuangan resmi dari pinjol "
                            "ilegal."
                        )
                    },
                ),
                (
                    "likert",
                    {
                        "prompt": (
                            "Sekarang saya lebih percaya diri menghitung cicilan dan mencatat "
                            "keuangan usaha."
                        )
                    },
                ),
                (
                    "likert",
                    {"prompt": "Saya akan menerapkan yang saya pelajari di usaha saya."},
                ),
                (
                    "likert",
                    {"prompt": "Saya akan menyarankan kelas ini kepada pelaku UMKM lain."},
                ),
                (
                    "open_text",
                    {
                        "prompt": "Bagian mana yang paling membantu Anda? Ceritakan singkat.",
                        "required": False,
                    },
                ),
                (
                    "open_text",
                    {
                        "prompt": "Apa yang perlu kami perbaiki dari kelas ini?",
                        "required": False,
                    },
                ),
                (
                    "open_text",
                    {
                        "prompt": (
                            "Apakah Anda berencana mengajukan kredit dalam enam bulan ke depan? "
                            "Bila ya, ke mana dan untuk keperluan apa?"
                        ),
                        "required": False,
                    },
                ),
                (
                    "open_text",
                    {
                        "prompt": (
                            "Apakah Anda sudah mulai mencatat keuangan usaha, misalnya buku kas "
                            "harian atau laporan laba rugi? Apa yang berubah?"
                        ),
                        "required": False,
                    },
                ),
            ],
        },
    },
}
