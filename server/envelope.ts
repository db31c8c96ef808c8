/** The API's own error shape, so the console shows the server's refusals like the API's. */
export interface Envelope {
  success: false
  data: null
  meta: { message: string }
}

export function envelope(message: string): Envelope {
  return { success: false, data: null, meta: { message } }
}
