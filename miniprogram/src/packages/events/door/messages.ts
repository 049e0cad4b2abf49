/** Why the camera could not be used, as staff at the door read it (WeChat's scanner and H5's camera alike). */
export const CAMERA_UNAVAILABLE_MESSAGE = '无法打开摄像头：请在设置中允许使用摄像头后重试';
