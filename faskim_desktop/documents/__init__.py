"""Paper and card documents, rendered with reportlab (no Qt). Each renderer returns PDF bytes.

- ``receipt.render_receipt(ReceiptData, language)``            tanda terima (A5), QR of the application no.
- ``return_slip.render_return_slip(ReturnSlipData, language)``  surat pengembalian berkas (A5)
- ``kuitansi.render_kuitansi(KuitansiData, language)``          kuitansi PNBP, 3 labelled copies on A4
- ``kuitansi.render_cash_summary(CashSummaryData, language)``   bendahara's daily cash summary (A4)
- ``card.render_card(CardData, signer=|seal=)``                 the CR80 card, front + back, signed seal
- ``reports.render_counter_daily / render_payment_daily / render_sla_monthly``   issue 9 reports (A4)
- ``seal_reader.read_seal / verify_file / verify_image``        read the card's seal back (libdmtx)

Inputs are the frozen dataclasses of ``models``; ``samples`` builds fictional ones for tests and demos.
``language`` is "id" (default) or "en".
"""
