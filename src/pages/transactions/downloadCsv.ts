/** Hands `csv` to the browser as a file download named `fileName`. */
export function downloadCsv(fileName: string, csv: string) {
  // A BOM lets spreadsheet programs read the UTF-8 names and currency signs.
  const url = URL.createObjectURL(new Blob(['\ufeff', csv], { type: 'text/csv;charset=utf-8' }))
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  link.click()
  setTimeout(() => URL.revokeObjectURL(url), 0)
}
