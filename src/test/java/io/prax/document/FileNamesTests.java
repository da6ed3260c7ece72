package io.prax.document;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** File names from clients: safe to store, show and put in a header. */
class FileNamesTests {

	@Test
	void keepsOnlyTheLastPathSegment() {
		assertThat(FileNames.sanitise("../../etc/passwd")).isEqualTo("passwd");
		assertThat(FileNames.sanitise("C:\\Users\\ada\\Offer.docx")).isEqualTo("Offer.docx");
	}

	@Test
	void removesControlFormatAndHeaderBreakingCharacters() {
		assertThat(FileNames.sanitise("in\"voice\r\n.pdf")).isEqualTo("in_voice.pdf");
		// U+202E (right-to-left override) would show "evil\u202efdp.exe" as
		// "evilexe.pdf".
		assertThat(FileNames.sanitise("evil\u202Efdp.exe")).isEqualTo("evilfdp.exe");
		assertThat(FileNames.sanitise("zero\u200Bwidth.txt")).isEqualTo("zerowidth.txt");
		assertThat(FileNames.sanitise("a<b>c|d*e?f:g.txt")).isEqualTo("a_b_c_d_e_f_g.txt");
	}

	@Test
	void neverAnswersAnEmptyOrHiddenName() {
		assertThat(FileNames.sanitise(null)).isEqualTo("file");
		assertThat(FileNames.sanitise("  ")).isEqualTo("file");
		assertThat(FileNames.sanitise("...")).isEqualTo("file");
		assertThat(FileNames.sanitise(".htaccess")).isEqualTo("htaccess");
		assertThat(FileNames.sanitise("dir/")).isEqualTo("file");
		assertThat(FileNames.sanitise("CON.txt")).isEqualTo("_CON.txt");
	}

	@Test
	void boundsTheLengthAndKeepsTheExtension() {
		String name = FileNames.sanitise("x".repeat(500) + ".pdf");

		assertThat(name).hasSize(FileNames.MAX_LENGTH).endsWith("x.pdf");
	}

	@Test
	void normalisesUnicodeAndKeepsIt() {
		assertThat(FileNames.sanitise("Re\u0301sume\u0301 – Müller.pdf")).isEqualTo("Résumé – Müller.pdf");
	}

	@Test
	void writesAnRfc6266AttachmentWithAnAsciiFallback() {
		assertThat(FileNames.attachment("Résumé 100%.pdf"))
			.isEqualTo("attachment; filename=\"R_sum_ 100_.pdf\"; filename*=UTF-8''R%C3%A9sum%C3%A9%20100%25.pdf");
		assertThat(FileNames.attachment("plain.txt"))
			.isEqualTo("attachment; filename=\"plain.txt\"; filename*=UTF-8''plain.txt");
	}

}
